/// Reads Tesseract's TSV output (`tesseract IMAGE OUT tsv`).
///
/// Rows of level 1 give each page's size; rows of level 5 are words. The text is rebuilt line by line
/// (words joined by a space, lines by a newline) from the block/paragraph/line numbers, so offsets
/// always agree with the text. Rows with confidence -1 are structure; blank words (Tesseract's frames and
/// rules, text `" "`) are dropped. Quirks handled: rows of 11 columns (no text column at all), confidence
/// `0.000000` (kept: 0) and `-1` on a word (no confidence: read as 0), quotes in the text (Tesseract does not
/// quote fields, so `"` is part of the word), Windows line ends.
enum TesseractTSVAdapter {
    static let header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

    private struct Row {
        var level: Int, page: Int, block: Int, paragraph: Int, line: Int
        var left: Double, top: Double, width: Double, height: Double
        var confidence: Double
        var text: String
    }

    static func looksLikeTSV(_ firstLine: Substring) -> Bool {
        firstLine.hasPrefix("level\tpage_num\tblock_num")
    }

    static func read(_ content: String, source: String) throws(OCRInputError) -> OCRDocument {
        var rows: [Row] = []
        for (index, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if index == 0 {
                guard looksLikeTSV(line) else {
                    throw OCRInputError(source: source, problem: "line 1: expected the Tesseract TSV header '\(header.replacingTabs)'")
                }
                continue
            }
            if line.isEmpty { continue }
            rows.append(try parse(line, lineNumber: index + 1, source: source))
        }
        return build(rows)
    }

    private static func parse(_ line: Substring, lineNumber: Int, source: String) throws(OCRInputError) -> Row {
        // The text column is last and may itself be empty (11 columns) or hold any character but a tab.
        let columns = line.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
        guard columns.count == 11 || columns.count == 12 else {
            throw OCRInputError(source: source, problem: "line \(lineNumber): expected 12 tab-separated columns of Tesseract TSV (\(header.replacingTabs)), found \(columns.count)")
        }
        var numbers: [Double] = []
        for (position, column) in columns.prefix(11).enumerated() {
            guard let value = Double(column) else {
                let name = header.split(separator: "\t")[position]
                throw OCRInputError(source: source, problem: "line \(lineNumber): Tesseract TSV column '\(name)' should be a number, found '\(column)'")
            }
            numbers.append(value)
        }
        return Row(level: Int(numbers[0]), page: Int(numbers[1]), block: Int(numbers[2]), paragraph: Int(numbers[3]),
                   line: Int(numbers[4]), left: numbers[6], top: numbers[7], width: numbers[8], height: numbers[9],
                   confidence: numbers[10], text: columns.count == 12 ? String(columns[11]) : "")
    }

    private static func build(_ rows: [Row]) -> OCRDocument {
        var pageSizes: [Int: (Double, Double)] = [:]
        var pageOrder: [Int] = []
        for row in rows where row.level == 1 {
            pageSizes[row.page] = (row.width, row.height)
            pageOrder.append(row.page)
        }
        var text = ""
        var offset = 0
        var lineNumber = -1
        var currentLineKey: [Int]?
        var wordsByPage: [Int: [OCRWord]] = [:]
        for row in rows where row.level == 5 {
            let wordText = row.text.trimmingSpaces
            guard !wordText.isEmpty else { continue }
            let lineKey = [row.page, row.block, row.paragraph, row.line]
            if lineKey != currentLineKey {
                if currentLineKey != nil {
                    text += "\n"
                    offset += 1
                }
                currentLineKey = lineKey
                lineNumber += 1
            } else {
                text += " "
                offset += 1
            }
            let length = wordText.unicodeScalars.count
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
    var trimmingSpaces: String { trimmingCharacters(in: .whitespaces) }
}
