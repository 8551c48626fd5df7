import Foundation

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
    private static let headerBytes = Array(header.utf8)

    /// One row's columns; `text` is the range of the text column's bytes (empty when there is none).
    struct Row {
        var level = 0, page = 0, block = 0, paragraph = 0, line = 0
        var left = 0.0, top = 0.0, width = 0.0, height = 0.0
        var confidence = 0.0
        var text: Range<Int> = 0..<0
    }

    static func looksLikeTSV(_ firstLine: Substring) -> Bool {
        firstLine.hasPrefix("level\tpage_num\tblock_num")
    }

    /// Whether the bytes start with the exact header line Tesseract writes: then both the format and the
    /// header are settled without decoding the line into Characters (an ASCII byte after the header
    /// cannot join its last Character, so ``looksLikeTSV(_:)`` would say the same).
    private static func startsWithHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = headerBytes.count
        guard bytes.count >= count, bytes[..<count].elementsEqual(headerBytes) else { return false }
        return bytes.count == count || bytes[count] == UInt8(ascii: "\n") || bytes[count] == UInt8(ascii: "\r")
    }

    /// Reads `data` when it is valid UTF-8 starting with the header line, as Tesseract writes it; `nil`
    /// for anything else, which the general path (decoding, format recognition, its errors) then handles.
    /// Decoding a whole file into a String and recognising its format cost more than parsing it.
    ///
    /// Only text columns can hold bytes that are not ASCII: every other byte the parser accepts is a digit,
    /// sign, point, tab or line end. So a file read without error is valid UTF-8 when its text columns are,
    /// which ``parse(_:_:lineNumber:source:)`` checks; only a file with an error needs checking whole, as a
    /// file that is not UTF-8 gets that error rather than the parser's.
    static func readIfHeaded(_ data: Data, source: String) throws(OCRInputError) -> OCRDocument? {
        let result = data.withUnsafeBytes { raw -> Result<OCRDocument?, OCRInputError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard startsWithHeader(bytes) else { return .success(nil) }
            do throws(OCRInputError) {
                return .success(try read(bytes, source: source))
            } catch {
                return UTF8Validation.isValid(bytes) ? .failure(error) : .success(nil)
            }
        }
        return try result.get()
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
        var pages = TesseractTSVPages(fileSize: bytes.count)
        var lineStart = 0, lineNumber = 0
        while lineStart < bytes.count {
            let lineEnd = endOfLine(bytes, from: lineStart)
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            lineNumber += 1
            if lineNumber == 1 {
                guard startsWithHeader(bytes) || looksLikeTSV(Substring(decoding(bytes, lineStart..<contentEnd))) else {
                    throw OCRInputError(source: source, problem: "line 1: expected the Tesseract TSV header '\(header.replacingTabs)'")
                }
            } else if contentEnd > lineStart {
                pages.add(try parse(bytes, lineStart..<contentEnd, lineNumber: lineNumber, source: source), from: bytes)
            }
            lineStart = lineEnd + 1
        }
        return pages.document()
    }

    /// The offset of the next newline from `start`, or the end. memchr looks at many bytes at a time.
    private static func endOfLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, lineNumber: Int,
                              source: String) throws(OCRInputError) -> Row {
        var row = Row()
        var column = 0, start = line.lowerBound
        // The usual row's integer columns are read in one go; column by column here is what follows them,
        // or a row written otherwise (decimals, signs, too few columns), with an error naming the fault.
        if let confidenceStart = readIntegerColumns(bytes, line, into: &row) {
            (column, start) = (10, confidenceStart)
        } else {
            row = Row()
        }
        var position = start
        while column < 11 {
            let value: Double?
            (value, position) = number(bytes, from: start, to: line.upperBound)
            guard let value else {
                if position >= line.upperBound && column < 10 {
                    throw OCRInputError(source: source, problem: "line \(lineNumber): expected 12 tab-separated columns of Tesseract TSV (\(header.replacingTabs)), found \(column + 1)")
                }
                throw OCRInputError(source: source, problem: "line \(lineNumber): Tesseract TSV column '\(columnNames[column])' should be a number, found '\(decoding(bytes, start..<position))'")
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
            default: break  // word_num: checked to be a number, otherwise unused
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
            row.text = position + 1..<line.upperBound
            let text = UnsafeBufferPointer(rebasing: bytes[row.text])
            if text.contains(UInt8(ascii: "\t")) {
                throw OCRInputError(source: source, problem: "line \(lineNumber): expected 12 tab-separated columns of Tesseract TSV (\(header.replacingTabs)), found more")
            }
            guard text.isEmpty || UTF8Validation.isValid(text) else {
                throw OCRInputError(source: source, problem: "line \(lineNumber): the text is not UTF-8")
            }
        }
        return row
    }

    /// Reads columns level…height, which Tesseract writes as plain digits, each followed by a tab, into
    /// `row` and returns where the confidence column starts; `nil` when the row is written otherwise.
    /// These columns are most of a file's bytes: their digits are read as an integer while looking for
    /// the tab; up to 15 digits stay below 2^53, so the value is exactly what ``number(_:from:to:)`` gives.
    private static func readIntegerColumns(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into row: inout Row) -> Int? {
        // A line followed by its line end (all but an unterminated last line) ends in a byte that is no
        // digit, so the digit loop needs no bounds check.
        guard line.upperBound < bytes.count else { return nil }
        var position = line.lowerBound
        func next() -> Int? {
            let start = position
            var value = 0
            while case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10 {
                value = value &* 10 &+ Int(digit)
                position &+= 1
            }
            // 1 to 15 digits, then a tab (the line end, a non-digit, cannot be one).
            guard UInt(bitPattern: position &- start &- 1) < 15, bytes[position] == UInt8(ascii: "\t") else { return nil }
            position &+= 1
            return value
        }
        guard let level = next(), let page = next(), let block = next(), let paragraph = next(), let lineInParagraph = next(),
              next() != nil, let left = next(), let top = next(), let width = next(), let height = next() else { return nil }
        (row.level, row.page, row.block, row.paragraph, row.line) = (level, page, block, paragraph, lineInParagraph)
        (row.left, row.top, row.width, row.height) = (Double(left), Double(top), Double(width), Double(height))
        return position
    }

    /// The field from `start` up to the next tab (or `end`) as a decimal number such as `-1`, `96` or
    /// `96.203705` (`nil` when it is not one), and where the field ends: one pass finds both.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (value: Double?, end: Int) {
        var index = start
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0.0, digits = 0, scale = 1.0, fraction = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\t") {
                break
            } else if byte == UInt8(ascii: "."), !fraction {
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
                while index < end, bytes[index] != UInt8(ascii: "\t") { index += 1 }
                return (nil, index)
            }
            index += 1
        }
        return (digits > 0 ? (negative ? -value : value) : nil, index)
    }

    private static func decoding(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

private extension String {
    var replacingTabs: String { replacingOccurrences(of: "\t", with: "\\t") }
}
