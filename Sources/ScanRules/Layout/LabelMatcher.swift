/// A printed label found among the words: which words, where, and how closely they spell it.
struct LabelHit: Sendable {
    /// Indices into ``OCRDocument/words`` of the label's words, in order.
    let words: Range<Int>
    let page: Int
    let box: BoundingBox
    /// 1 for an exact (folded) spelling, lower for each edit OCR made.
    let score: Double
    /// The median height of the label's words: the text size, unswayed by one tall glyph or stray mark
    /// that widens the box (distances around the label are measured in it).
    let textHeight: Double

    /// `wordBoxes` are the boxes of the label's words, for its text height.
    init(words: Range<Int>, page: Int, box: BoundingBox, score: Double, wordBoxes: some Collection<BoundingBox>) {
        self.words = words
        self.page = page
        self.box = box
        self.score = score
        textHeight = max(1, wordBoxes.isEmpty ? box.height : LabelHit.medianHeight(wordBoxes))
    }

    /// The upper median height, sorted in a stack buffer: a label hit is made for every label on every document.
    private static func medianHeight(_ boxes: some Collection<BoundingBox>) -> Double {
        // Most labels are one or two words: nothing to sort.
        if boxes.count <= 2 { return boxes.lazy.map(\.height).max()! }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: boxes.count) { buffer in
            var heights = buffer
            _ = heights.initialize(from: boxes.lazy.map(\.height))
            heights.sort()
            return heights[boxes.count / 2]
        }
    }
}

extension LabelHit {
    /// A found value used as an anchor for another field: its words' extent, scored as certain;
    /// `nil` when the value has no words (plain text).
    init?(words indices: [Int], in document: OCRDocument) {
        guard let first = indices.min(), let last = indices.max() else { return nil }
        let boxes = indices.map { document.words[$0].box }
        self.init(words: first..<last + 1, page: document.words[first].page,
                  box: boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }, score: 1, wordBoxes: boxes)
    }
}

/// Finds labels among OCR words, tolerant of case, accents, punctuation, spacing and OCR errors:
/// a label may be split over several words or glued into one, and each folded character may differ
/// within an edit budget that grows with the label's length.
///
/// One matcher serves one document: every word is folded once, into one buffer all labels are searched
/// in, and each label's hits are remembered, so a phrase that is both a type keyword and a field label is
/// searched once.
final class LabelMatcher {
    let words: [OCRWord]
    /// Every word's folded codes, one after another (word `i` holds `codes[spans[i].start..<spans[i].end]`):
    /// one flat array keeps the search loop free of reference counting.
    private let codes: [UInt8]
    private let spans: [WordSpan]
    private let seeds: SeedIndex
    /// The labels searched so far (their codes) and their hits, told apart by ``FoldedLabel/fingerprint``
    /// first: a document meets a few dozen labels, fewer than hashing their text would pay for.
    private var found: [(fingerprint: UInt64, codes: [UInt8], hits: [LabelHit])] = []
    /// The words opening with a box number, for numbered labels (see ``NumberedLabel``).
    private(set) lazy var numberOpenings = NumberOpening.all(in: words)

    /// What the search needs of one word, side by side.
    private struct WordSpan {
        var start: Int32
        var end: Int32
        /// Codes on the word's row from the word to the row's end.
        var reach: Int32
        /// Whether the next word continues this word's row.
        var continues: Bool
        /// The codes the word holds (see ``FoldedLabel/codeSet(of:)``).
        var codeSet: UInt64
    }

    init(words: [OCRWord]) {
        self.words = words
        let count = words.count
        // No word folds to more codes than it has bytes.
        let capacity = words.indices.reduce(0) { $0 + words[$1].text.utf8.count }
        var spans: [WordSpan] = []
        codes = TextFolding.withCodeTable { table in
            [UInt8](unsafeUninitializedCapacity: capacity) { codes, folded in
                spans = [WordSpan](unsafeUninitializedCapacity: count) { spans, initialized in
                    for index in 0..<count {
                        let start = folded
                        folded += TextFolding.fold(words[index].text, table: table, into: UnsafeMutableBufferPointer(rebasing: codes[start...]))
                        let continues = index + 1 < count && LabelMatcher.continuesRow(
                            words[index + 1].box, words[index + 1].page, after: words[index].box, words[index].page)
                        spans.initializeElement(at: index, to: WordSpan(
                            start: Int32(start), end: Int32(folded), reach: 0, continues: continues,
                            codeSet: FoldedLabel.codeSet(of: UnsafeBufferPointer(rebasing: codes[start..<folded]))))
                    }
                    initialized = count
                }
            }
        }
        // Walking backwards, each word learns how many codes its row offers from it on.
        var reach: Int32 = 0
        for index in (0..<count).reversed() {
            reach = spans[index].end - spans[index].start + (spans[index].continues ? reach : 0)
            spans[index].reach = reach
        }
        self.spans = spans
        found.reserveCapacity(32)
        seeds = SeedIndex(codes: codes, wordStarts: spans.lazy.map(\.start))
    }

    /// Whether a word continues the row of the word before it, as a label split over words must.
    static func continuesRow(_ box: BoundingBox, _ page: Int, after previous: BoundingBox, _ previousPage: Int) -> Bool {
        page == previousPage && box.verticalOverlapRatio(with: previous) >= 0.4 && box.left >= previous.left
    }

    /// The folded codes of word `index`.
    func codes(ofWord index: Int) -> ArraySlice<UInt8> { codes[Int(spans[index].start)..<Int(spans[index].end)] }

    /// Whether ``find(_:)`` has looked for this label already (its hits are then free).
    func hasSearched(_ label: FoldedLabel) -> Bool { searched(label) != nil }

    /// Every place the label occurs, best first; overlapping weaker hits are dropped.
    func find(_ label: FoldedLabel) -> [LabelHit] {
        if let known = searched(label) { return found[known].hits }
        let hits = search(label)
        found.append((label.fingerprint, label.codes, hits))
        return hits
    }

    private func searched(_ label: FoldedLabel) -> Int? {
        found.firstIndex { $0.fingerprint == label.fingerprint && $0.codes == label.codes }
    }

    private func search(_ label: FoldedLabel) -> [LabelHit] {
        let budget = label.editBudget, length = label.codes.count
        let codeSet = label.codeSet
        var hits: [LabelHit] = []
        // Raw buffers: this loop runs for every label and word of every document.
        label.positions.withUnsafeBufferPointer { positions in
        label.codes.withUnsafeBufferPointer { labelCodes in
        codes.withUnsafeBufferPointer { codes in
        spans.withUnsafeBufferPointer { spans in
            seeds.forEachStartingWord(for: label) { first in
                // A first word that is empty, longer than the label plus its budget, or holding codes the
                // label lacks, cannot start it; nor can a row too short for the label.
                let span = spans[first], firstLength = Int(span.end - span.start)
                guard firstLength > 0, firstLength <= length + budget, Int(span.reach) >= length - budget,
                      (span.codeSet & ~codeSet).nonzeroBitCount <= budget else { return }
                // Most labels are read right: spelled exactly, they need no distance measured.
                if let last = LabelMatcher.exactEnd(of: labelCodes, from: first, codes: codes, spans: spans) {
                    hits.append(hit(first..<last + 1, score: 1))
                    return
                }
                var distance = FoldedLabel.Distance(length: length)
                var best: (last: Int, value: Int)?
                var last = first
                while true {
                    for index in Int(spans[last].start)..<Int(spans[last].end) { distance.feed(positions[Int(codes[index])]) }
                    if distance.fed > length + budget { break }
                    if distance.value <= budget, best.map({ distance.value < $0.value }) ?? true { best = (last, distance.value) }
                    // Each code still to be fed lowers the distance by one at most: past this, no later word can
                    // bring it within the budget.
                    guard spans[last].continues, distance.value - (length + budget - distance.fed) <= budget else { break }
                    last += 1
                }
                if let best { hits.append(hit(first..<best.last + 1, score: 1 - Double(best.value) / Double(length))) }
            }
        }}}}
        // Most labels are found once or not at all: nothing to order or drop.
        guard hits.count > 1 else { return hits }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.words.lowerBound < $1.words.lowerBound }
        var kept: [LabelHit] = []
        for hit in hits where !kept.contains(where: { $0.words.overlaps(hit.words) }) {
            kept.append(hit)
        }
        return kept
    }

    /// The last word of an exact spelling of the label from word `first` on along its row, `nil` if there is
    /// none. It is the hit the distance would find: no other end comes as close as 0 edits.
    private static func exactEnd(of label: UnsafeBufferPointer<UInt8>, from first: Int, codes: UnsafeBufferPointer<UInt8>,
                                 spans: UnsafeBufferPointer<WordSpan>) -> Int? {
        let start = Int(spans[first].start), end = start + label.count
        guard end <= codes.count, (0..<label.count).allSatisfy({ codes[start + $0] == label[$0] }) else { return nil }
        var last = first
        while spans[last].end < end {
            guard spans[last].continues else { return nil }
            last += 1
        }
        return Int(spans[last].end) == end ? last : nil
    }

    private func hit(_ range: Range<Int>, score: Double) -> LabelHit {
        var box = words[range.lowerBound].box
        for index in range.dropFirst() { box = box.union(words[index].box) }
        return LabelHit(words: range, page: words[range.lowerBound].page, box: box, score: score,
                        wordBoxes: range.lazy.map { self.words[$0].box })
    }
}
