/// Text a value pattern runs over, and the way back from its offsets to the document's words.
///
/// Either a stretch of the document text itself (the whole text, or a region whose words stand one space
/// apart there, as a row usually does: offsets are document offsets and nothing is copied) or a region's
/// words joined by single spaces (each word remembers where it starts in the joined text).
struct CandidateText {
    let text: MatchableText
    /// The stretch of `text` patterns run over.
    let window: Range<Int>
    /// For a joined region: each word's index in the document and its start in `text`.
    private let pieces: [(word: Int, start: Int)]?
    private let document: OCRDocument

    init(document: OCRDocument) {
        self.document = document
        text = document.matchable
        window = 0..<text.count
        pieces = nil
    }

    /// Rows of words: words joined by a space, rows by `separator`.
    init(document: OCRDocument, rows: [[Int]], separator: String = " ") {
        self.document = document
        if rows.count == 1, let stretch = CandidateText.contiguousStretch(rows[0], in: document) {
            text = document.matchable
            window = stretch
            pieces = nil
            return
        }
        var joined = ""
        var pieces: [(Int, Int)] = []
        var offset = 0
        for (rowIndex, row) in rows.enumerated() {
            for (wordIndex, word) in row.enumerated() {
                let gap = wordIndex > 0 ? " " : rowIndex > 0 ? separator : ""
                joined += gap
                offset += gap.unicodeScalars.count
                pieces.append((word, offset))
                joined += document.words[word].text
                offset += document.words[word].text.unicodeScalars.count
            }
        }
        text = MatchableText(joined)
        window = 0..<text.count
        self.pieces = pieces
    }

    /// The matches of `pattern` in the window, one at a time.
    func matches(_ pattern: Regex) throws(PatternError) -> Regex.Scanner {
        try pattern.scanner(in: text, within: window)
    }

    /// The document range the words cover when each stands one space after the previous in the text.
    private static func contiguousStretch(_ words: [Int], in document: OCRDocument) -> Range<Int>? {
        guard let first = words.first else { return nil }
        var end = document.words[first].end
        for word in words.dropFirst() {
            let next = document.words[word]
            let text = document.matchable
            guard next.start == end + 1, text.utf8[text.byteOffset(ofScalar: end)] == UInt8(ascii: " ") else { return nil }
            end = next.end
        }
        return document.words[first].start..<end
    }

    /// Where a range of this text lies in the document: code-point segments of the document text (one
    /// per run of words that are adjacent there) and the indices of the words it touches.
    func locate(_ range: Range<Int>) -> (segments: [Range<Int>], words: [Int]) {
        guard let pieces else {
            return ([range], CandidateText.words(overlapping: range, in: document.words))
        }
        var segments: [Range<Int>] = []
        var words: [Int] = []
        for piece in pieces {
            let word = document.words[piece.word]
            let lower = max(0, range.lowerBound - piece.start), upper = min(word.end - word.start, range.upperBound - piece.start)
            guard lower < upper else { continue }
            words.append(piece.word)
            let span = word.start + lower..<word.start + upper
            // Words one space apart in the document text join into one segment.
            if let last = segments.last, span.lowerBound == last.upperBound + 1,
               document.matchable.slice(last.upperBound..<span.lowerBound) == " " {
                segments[segments.count - 1] = last.lowerBound..<span.upperBound
            } else {
                segments.append(span)
            }
        }
        return (segments, words)
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
