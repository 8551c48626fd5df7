/// Text a value pattern runs over, and the way back from its offsets to the document's words.
///
/// Either the whole document text (offsets are document offsets) or a region's words joined by single
/// spaces (each word remembers where it starts in the joined text).
struct CandidateText {
    let text: MatchableText
    /// For a region: each word's index in the document and its start in `text`.
    private let pieces: [(word: Int, start: Int)]?
    private let document: OCRDocument

    init(document: OCRDocument) {
        self.document = document
        text = document.matchable
        pieces = nil
    }

    init(document: OCRDocument, words: [Int]) {
        self.document = document
        var joined = ""
        var pieces: [(Int, Int)] = []
        var offset = 0
        for word in words {
            if !joined.isEmpty {
                joined += " "
                offset += 1
            }
            pieces.append((word, offset))
            joined += document.words[word].text
            offset += document.words[word].text.unicodeScalars.count
        }
        text = MatchableText(joined)
        self.pieces = pieces
    }

    /// The document words a range of this text touches, each with the part of it (as document offsets) inside the range.
    func documentSpans(of range: Range<Int>) -> [(word: Int, span: Range<Int>)] {
        guard let pieces else {
            // Words are sorted by offset: find the first that ends inside the range, then walk on.
            let words = document.words
            var low = 0, high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].end <= range.lowerBound { low = middle + 1 } else { high = middle }
            }
            var spans: [(word: Int, span: Range<Int>)] = []
            var index = low
            while index < words.count, words[index].start < range.upperBound {
                let lower = max(words[index].start, range.lowerBound), upper = min(words[index].end, range.upperBound)
                if lower < upper { spans.append((index, lower..<upper)) }
                index += 1
            }
            return spans
        }
        return pieces.compactMap { piece in
            let word = document.words[piece.word]
            let length = word.end - word.start
            let lower = max(0, range.lowerBound - piece.start), upper = min(length, range.upperBound - piece.start)
            return lower < upper ? (piece.word, word.start + lower..<word.start + upper) : nil
        }
    }
}
