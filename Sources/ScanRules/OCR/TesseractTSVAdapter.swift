/// Reads Tesseract's TSV output (`tesseract IMAGE OUT tsv`).
///
/// Rows of level 1 give each page's size; rows of level 5 are words. The text is rebuilt line by line
/// (words joined by a space, lines by a newline) from the block/paragraph/line numbers, so offsets
/// always agree with the text. Rows with confidence -1 are structure; blank words (Tesseract's frames and
/// rules, text `" "`) are dropped. Quirks handled: rows of 11 columns (no text column at all), confidence
/// `0.000000` (kept: 0) and `-1` on a word (no confidence: read as 0), quotes in the text (Tesseract does not
/// quote fields, so `"` is part of the word), Windows line ends.
///
/// The parser works on the UTF-8 bytes and decodes only word texts: TSV parsing is part of every
/// extraction's cost, and a card's TSV has several hundred numbers.
enum TesseractTSVAdapter {
    static let header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    private static let columnNames = header.split(separator: "\t").map(String.init)

    private struct Row {
        var level = 0, page = 0, block = 0, paragraph = 0, line = 0
        var left = 0.0, top = 0.0, width = 0.0, height = 0.0
        var confidence = 0.0
        var text: Range<Int> = 0..<0
    }

    static func looksLikeTSV(_ firstLine: Substring) -> Bool {
        firstLine.hasPrefix("level\tpage_num\tblock_num")
    }

    static func read(_ content: String, source: String) throws(OCRInputError) -> OCRDocument {
        var content = content
        content.makeContiguousUTF8()
        let result = content.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(OCRInputError) in try read(bytes, source: source) }
        }
        guard let result else { throw OCRInputError(source: source, problem: "Tesseract TSV: the text is not contiguous UTF-8") }
        return try result.get()
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(OCRInputError) -> OCRDocument {
        var rows: [Row] = []
        var lineStart = 0, lineNumber = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let next = lineEnd + 1
            if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            lineNumber += 1
            if lineNumber == 1 {
                let first = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
                guard looksLikeTSV(Substring(first)) else {
                    throw OCRInputError(source: source, problem: "line 1: expected the Tesseract TSV header '\(header.replacingTabs)'")
                }
            } else if lineEnd > lineStart {
                rows.append(try parse(bytes, lineStart..<lineEnd, lineNumber: lineNumber, source: source))
            }
            lineStart = next
        }
        return build(rows, bytes)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, lineNumber: Int,
                              source: String) throws(OCRInputError) -> Row {
        var row = Row()
        var column = 0, start = line.lowerBound
        var position = line.lowerBound
        while column < 11 {
            while position < line.upperBound, bytes[position] != UInt8(ascii: "\t") { position += 1 }
            guard let value = number(bytes, start..<position) else {
                if position >= line.upperBound && column < 10 {
                    throw OCRInputError(source: source, problem: "line \(lineNumber): expected 12 tab-separated columns of Tesseract TSV (\(header.replacingTabs)), found \(column + 1)")
                }
                let found = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                throw OCRInputError(source: source, problem: "line \(lineNumber): Tesseract TSV column '\(columnNames[column])' should be a number, found '\(found)'")
            }
            switch column {
            case 0: row.level = Int(value)
            case 1: row.page = Int(value)
            case 2: row.block = Int(value)
            case 3: row.paragraph = Int(value)
            case 4: row.line = Int(value)
            case 6: row.left = value
            case 7: row.top = value
            case 8: row.width = value
            case 9: row.height = value
            case 10: row.confidence = value
            default: break
            }
            column += 1
            if column < 11 {
                guard position < line.upperBound else {
                    throw OCRInputError(source: source, problem: "line \(lineNumber): expected 12 tab-separated columns of Tesseract TSV (\(header.replacingTabs)), found \(column)")
                }
                position += 1
                start = position
            }
        }
        // The text column is last and may be missing (11 columns) or hold any character but a tab.
        if position < line.upperBound {
            let textStart = position + 1
            if bytes[textStart..<line.upperBound].contains(UInt8(ascii: "\t")) {
                throw OCRInputError(source: source, problem: "line \(lineNumber): expected 12 tab-separated columns of Tesseract TSV (\(header.replacingTabs)), found more")
            }
            row.text = textStart..<line.upperBound
        }
        return row
    }

    /// A decimal number such as `-1`, `96` or `96.203705`; `nil` when the bytes are not one.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0.0, digits = 0, scale = 1.0, fraction = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !fraction {
                fraction = true
            } else if byte >= 48, byte <= 57 {
                if fraction {
                    scale /= 10
                    value += Double(byte - 48) * scale
                } else {
                    value = value * 10 + Double(byte - 48)
                }
                digits += 1
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    private static func build(_ rows: [Row], _ bytes: UnsafeBufferPointer<UInt8>) -> OCRDocument {
        var pageSizes: [Int: (Double, Double)] = [:]
        var pageOrder: [Int] = []
        for row in rows where row.level == 1 {
            pageSizes[row.page] = (row.width, row.height)
            pageOrder.append(row.page)
        }
        var text = ""
        text.reserveCapacity(bytes.count / 4)
        var offset = 0
        var lineNumber = -1
        var currentLine: (Int, Int, Int, Int)?
        var wordsByPage: [Int: [OCRWord]] = [:]
        for row in rows where row.level == 5 {
            var range = row.text
            while range.lowerBound < range.upperBound, bytes[range.lowerBound] == UInt8(ascii: " ") { range = range.lowerBound + 1..<range.upperBound }
            while range.lowerBound < range.upperBound, bytes[range.upperBound - 1] == UInt8(ascii: " ") { range = range.lowerBound..<range.upperBound - 1 }
            guard !range.isEmpty else { continue }
            let lineKey = (row.page, row.block, row.paragraph, row.line)
            if currentLine.map({ $0 != lineKey }) ?? true {
                if currentLine != nil {
                    text += "\n"
                    offset += 1
                }
                currentLine = lineKey
                lineNumber += 1
            } else {
                text += " "
                offset += 1
            }
            let wordText = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            // Code points: every byte that is not a UTF-8 continuation byte starts one.
            let length = bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            let pageIndex = pageOrder.firstIndex(of: row.page) ?? 0
            let box = BoundingBox(left: row.left, top: row.top, right: row.left + row.width, bottom: row.top + row.height)
            wordsByPage[row.page, default: []].append(OCRWord(
                text: wordText, start: offset, end: offset + length, box: box,
                confidence: min(1, max(0, row.confidence / 100)), line: lineNumber, page: pageIndex))
            text += wordText
            offset += length
        }
        let pageNumbers = pageOrder.isEmpty ? wordsByPage.keys.sorted() : pageOrder
        let pages = pageNumbers.map { number -> OCRPage in
            let words = wordsByPage[number] ?? []
            let size = pageSizes[number] ?? (words.map(\.box.right).max() ?? 1, words.map(\.box.bottom).max() ?? 1)
            return OCRPage(width: size.0, height: size.1, words: words)
        }
        return OCRDocument(text: text, pages: pages)
    }
}

private extension String {
    var replacingTabs: String { replacingOccurrences(of: "\t", with: "\\t") }
}
