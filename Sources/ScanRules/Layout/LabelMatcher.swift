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

    init(words: Range<Int>, page: Int, box: BoundingBox, score: Double, heights: [Double]) {
        self.words = words
        self.page = page
        self.box = box
        self.score = score
        let sorted = heights.sorted()
        textHeight = max(1, sorted.isEmpty ? box.height : sorted[sorted.count / 2])
    }
}

extension LabelHit {
    /// A found value used as an anchor for another field: its words' extent, scored as certain;
    /// `nil` when the value has no words (plain text).
    init?(words indices: [Int], in document: OCRDocument) {
        guard let first = indices.min(), let last = indices.max() else { return nil }
        let boxes = indices.map { document.words[$0].box }
        self.init(words: first..<last + 1, page: document.words[first].page,
                  box: boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }, score: 1, heights: boxes.map(\.height))
    }
}

/// Finds labels among OCR words, tolerant of case, accents, punctuation, spacing and OCR errors:
/// a label may be split over several words or glued into one, and each folded character may differ
/// within an edit budget that grows with the label's length.
struct LabelMatcher {
    let words: [OCRWord]
    private let folded: [[UInt8]]
    private let codeSets: [UInt64]

    init(words: [OCRWord]) {
        self.words = words
        folded = words.map { TextFolding.foldCodes($0.text) }
        codeSets = folded.map(FoldedLabel.codeSet)
    }

    /// Every place the label occurs, best first; overlapping weaker hits are dropped.
    func find(_ label: FoldedLabel) -> [LabelHit] {
        let budget = label.editBudget, length = label.codes.count
        var hits: [LabelHit] = []
        label.positions.withUnsafeBufferPointer { positions in
            // A first word longer than the label plus its budget, or holding codes the label lacks, cannot start it.
            for first in words.indices where !folded[first].isEmpty && folded[first].count <= length + budget
                && label.canStart(with: codeSets[first]) {
                var distance = FoldedLabel.Distance(length: length)
                var box = words[first].box
                var best: LabelHit?
                var last = first
                while last < words.count {
                    if last > first {
                        guard words[last].page == words[first].page,
                              words[last].box.verticalOverlapRatio(with: words[last - 1].box) >= 0.4,
                              words[last].box.left >= words[last - 1].box.left else { break }
                        box = box.union(words[last].box)
                    }
                    for code in folded[last] { distance.feed(positions[Int(code)]) }
                    if distance.fed > length + budget { break }
                    if distance.value <= budget {
                        let score = 1 - Double(distance.value) / Double(length)
                        if best.map({ score > $0.score }) ?? true {
                            best = LabelHit(words: first..<last + 1, page: words[first].page, box: box, score: score,
                                            heights: (first...last).map { words[$0].box.height })
                        }
                    }
                    last += 1
                }
                if let best { hits.append(best) }
            }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.words.lowerBound < $1.words.lowerBound }
        var kept: [LabelHit] = []
        for hit in hits where !kept.contains(where: { $0.words.overlaps(hit.words) }) {
            kept.append(hit)
        }
        return kept
    }
}
