/// Gathers Tesseract TSV rows, in file order, into the document's text and pages in one pass.
///
/// Pages come in the order of their level-1 rows (repeated rows repeat the page; the last one gives its
/// size), or by page number when there are none; a word's page index is where its page number first
/// appears among them (0 when it never does). Words are kept in file order, marked in runs of one page
/// number, so the usual file (each page's row, then its words) needs no regrouping and no lookup per word.
struct TesseractTSVPages {
    /// Consecutive words of one page number, from `start` in `words`; `index` is `nil` while that number
    /// has no level-1 row yet.
    private struct Run {
        let page: Int
        let start: Int
        var index: Int?
    }

    private var pageOrder: [Int] = []
    private var pageSizes: [(width: Double, height: Double)] = []
    private var words: [OCRWord] = []
    private var runs: [Run] = []
    /// The text's UTF-8 bytes: decoded once at the end rather than grown String by String.
    private var text: [UInt8] = []
    private var offset = 0
    private var lineNumber = -1
    private var currentLine: (page: Int, block: Int, paragraph: Int, line: Int)?

    /// `fileSize`: the TSV's size in bytes. Its text takes at most a quarter of it, and each word 52 to
    /// 100 bytes of it (its own row, ~38 bytes, and its share of the page, block and line rows): room for
    /// a word every 48 bytes avoids regrowing the words, which a word every 64 bytes did on dense pages.
    init(fileSize: Int) {
        text.reserveCapacity(fileSize / 4)
        words.reserveCapacity(fileSize / 48)
    }

    mutating func add(_ row: TesseractTSVAdapter.Row, from bytes: UnsafeBufferPointer<UInt8>) {
        switch row.level {
        case 1:
            pageOrder.append(row.page)
            pageSizes.append((row.width, row.height))
        case 5:
            addWord(row, from: bytes)
        default:
            break
        }
    }

    private mutating func addWord(_ row: TesseractTSVAdapter.Row, from bytes: UnsafeBufferPointer<UInt8>) {
        var range = row.text
        while range.lowerBound < range.upperBound, bytes[range.lowerBound] == UInt8(ascii: " ") { range = range.lowerBound + 1..<range.upperBound }
        while range.lowerBound < range.upperBound, bytes[range.upperBound - 1] == UInt8(ascii: " ") { range = range.lowerBound..<range.upperBound - 1 }
        guard !range.isEmpty else { return }
        let lineKey = (page: row.page, block: row.block, paragraph: row.paragraph, line: row.line)
        if let currentLine, currentLine == lineKey {
            text.append(UInt8(ascii: " "))
            offset += 1
        } else {
            if currentLine != nil {
                text.append(UInt8(ascii: "\n"))
                offset += 1
            }
            currentLine = lineKey
            lineNumber += 1
        }
        if runs.last?.page != row.page {
            runs.append(Run(page: row.page, start: words.count, index: pageOrder.firstIndex(of: row.page)))
        }
        let wordBytes = UnsafeBufferPointer(rebasing: bytes[range])
        // Code points: every byte that is not a UTF-8 continuation byte starts one.
        let length = wordBytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        let box = BoundingBox(left: row.left, top: row.top, right: row.left + row.width, bottom: row.top + row.height)
        words.append(OCRWord(text: String(decoding: wordBytes, as: UTF8.self), start: offset, end: offset + length, box: box,
                             confidence: min(1, max(0, row.confidence / 100)), line: lineNumber,
                             page: runs[runs.count - 1].index ?? 0))
        text.append(contentsOf: wordBytes)
        offset += length
    }

    mutating func document() -> OCRDocument {
        let ends = runs.dropFirst().map(\.start) + [words.count]
        for (run, end) in zip(runs, ends) where run.index == nil {
            // The page's level-1 row came after its words, or never: its index is known only now.
            let index = pageOrder.firstIndex(of: run.page) ?? 0
            for word in run.start..<end { words[word].page = index }
        }
        let pageNumbers = pageOrder.isEmpty ? Set(runs.map(\.page)).sorted() : pageOrder
        let pages = pageNumbers.map { number -> OCRPage in
            let pageWords = runs.count == 1 && runs[0].page == number ? words
                : zip(runs, ends).filter { $0.0.page == number }.flatMap { words[$0.0.start..<$0.1] }
            let size: (width: Double, height: Double) = pageOrder.lastIndex(of: number).map { pageSizes[$0] }
                ?? (pageWords.map(\.box.right).max() ?? 1, pageWords.map(\.box.bottom).max() ?? 1)
            return OCRPage(width: size.width, height: size.height, words: pageWords)
        }
        return OCRDocument(matchable: MatchableText(utf8: text), pages: pages)
    }
}
