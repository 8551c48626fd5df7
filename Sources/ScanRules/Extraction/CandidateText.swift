/// Text a value pattern runs over, and the way back from its offsets to the document's words.
///
/// Either a stretch of the document text itself (the whole text, or a region whose words stand one space
/// apart there, as a row usually does: offsets are document offsets and nothing is copied) or a region's
/// words joined by single spaces (each word remembers where it starts in the joined text).
///
/// It keeps the document's words and, for a joined region, the document's text, not the whole document:
/// one is made for every place a value is looked for, and each part kept is one more reference to count.
struct CandidateText {
    let text: MatchableText
    /// The stretch of `text` patterns run over.
    let window: Range<Int>
    /// The document's words, in text order.
    private let words: [OCRWord]
    /// For a joined region: each word's index in the document and its start in `text`, and the
    /// document's text (`text` is then the joined one).
    private let joined: (pieces: [(word: Int, start: Int)], documentText: MatchableText)?

    // The document is borrowed: an initializer's arguments are otherwise passed owned, a copy of the
    // whole document for every place a value is looked for.
    init(document: borrowing OCRDocument) {
        words = document.words
        text = document.matchable
        window = 0..<text.count
        joined = nil
    }

    /// Rows of words: words joined by a space, rows by `separator`.
    init(document: borrowing OCRDocument, rows: [[Int]], separator: String = " ") {
        words = document.words
        if rows.count == 1, let stretch = CandidateText.contiguousStretch(rows[0], in: document) {
            text = document.matchable
            window = stretch
            joined = nil
            return
        }
        // The joined text is built as UTF-8 bytes, offsets counted in code points (bytes that are not
        // continuation bytes): no String is grown word by word and measured again.
        var bytes: [UInt8] = []
        var pieces: [(word: Int, start: Int)] = []
        var offset = 0
        func append(_ text: String) {
            for byte in text.utf8 {
                bytes.append(byte)
                if byte & 0xC0 != 0x80 { offset += 1 }
            }
        }
        for (rowIndex, row) in rows.enumerated() {
            for (wordIndex, word) in row.enumerated() {
                append(wordIndex > 0 ? " " : rowIndex > 0 ? separator : "")
                pieces.append((word, offset))
                append(document.words[word].text)
            }
        }
        text = MatchableText(utf8: bytes)
        window = 0..<text.count
        self.joined = (pieces, document.matchable)
    }

    /// The matches of `pattern` in the window, one at a time.
    func matches(_ pattern: Regex) throws(PatternError) -> Regex.Scanner {
        try pattern.scanner(in: text, within: window)
    }

    /// The document range the words cover when each stands one space after the previous in the text.
    private static func contiguousStretch(_ row: [Int], in document: borrowing OCRDocument) -> Range<Int>? {
        guard let first = row.first else { return nil }
        // Fields read in place: copying a word or the text out would count references for each word.
        let words = document.words, text = document.matchable
        var end = words[first].end
        for word in row.dropFirst() {
            guard words[word].start == end + 1, text.utf8[text.byteOffset(ofScalar: end)] == UInt8(ascii: " ") else { return nil }
            end = words[word].end
        }
        return words[first].start..<end
    }

    /// Where a range of this text lies in the document: code-point segments of the document text (one
    /// per run of words that are adjacent there) and the indices of the words it touches.
    func locate(_ range: Range<Int>) -> (segments: [Range<Int>], words: [Int]) {
        guard let joined else {
            return ([range], CandidateText.words(overlapping: range, in: words))
        }
        var segments: [Range<Int>] = []
        var touched: [Int] = []
        for piece in joined.pieces {
            let start = words[piece.word].start, end = words[piece.word].end
            let lower = max(0, range.lowerBound - piece.start), upper = min(end - start, range.upperBound - piece.start)
            guard lower < upper else { continue }
            touched.append(piece.word)
            let span = start + lower..<start + upper
            // Words one space apart in the document text join into one segment.
            if let last = segments.last, span.lowerBound == last.upperBound + 1,
               joined.documentText.slice(last.upperBound..<span.lowerBound) == " " {
                segments[segments.count - 1] = last.lowerBound..<span.upperBound
            } else {
                segments.append(span)
            }
        }
        return (segments, touched)
    }

    /// The words overlapping a range of the document text; words are sorted by offset, so a binary search
    /// finds the first and the rest follow.
    static func words(overlapping range: Range<Int>, in words: [OCRWord]) -> [Int] {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].end <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < words.count, words[end].start < range.upperBound { end += 1 }
        // One array of the right size: appending one by one grew it again and again.
        return Array(low..<end)
    }
}
