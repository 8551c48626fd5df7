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
///
/// One matcher serves one document: it remembers each label's hits, so a phrase that is both a type
/// keyword and a field label is searched once.
final class LabelMatcher {
    let words: [OCRWord]
    /// Every word's folded codes, one after another (word `i` holds `codes[codeStarts[i]..<codeStarts[i + 1]]`):
    /// one flat array keeps the search loop free of reference counting.
    private let codes: [UInt8]
    private let codeStarts: [Int]
    private let codeSets: [UInt64]
    private let boxes: [BoundingBox]
    private let pages: [Int]
    private var found: [String: [LabelHit]] = [:]

    init(words: [OCRWord]) {
        self.words = words
        var codes: [UInt8] = [], codeStarts: [Int] = [0], codeSets: [UInt64] = []
        for word in words {
            let folded = TextFolding.foldCodes(word.text)
            codes += folded
            codeStarts.append(codes.count)
            codeSets.append(FoldedLabel.codeSet(of: folded))
        }
        self.codes = codes
        self.codeStarts = codeStarts
        self.codeSets = codeSets
        boxes = words.map(\.box)
        pages = words.map(\.page)
    }

    /// Every place the label occurs, best first; overlapping weaker hits are dropped.
    func find(_ label: FoldedLabel) -> [LabelHit] {
        if let known = found[label.text] { return known }
        let hits = search(label)
        found[label.text] = hits
        return hits
    }

    private func search(_ label: FoldedLabel) -> [LabelHit] {
        let budget = label.editBudget, length = label.codes.count
        var hits: [LabelHit] = []
        label.positions.withUnsafeBufferPointer { positions in
            codes.withUnsafeBufferPointer { codes in
                for first in boxes.indices {
                    // A first word that is empty, longer than the label plus its budget, or holding codes the
                    // label lacks, cannot start it.
                    let firstLength = codeStarts[first + 1] - codeStarts[first]
                    guard firstLength > 0, firstLength <= length + budget, label.canStart(with: codeSets[first]) else { continue }
                    var distance = FoldedLabel.Distance(length: length)
                    var box = boxes[first]
                    var best: LabelHit?
                    var last = first
                    while last < boxes.count {
                        if last > first {
                            guard pages[last] == pages[first], boxes[last].verticalOverlapRatio(with: boxes[last - 1]) >= 0.4,
                                  boxes[last].left >= boxes[last - 1].left else { break }
                            box = box.union(boxes[last])
                        }
                        for index in codeStarts[last]..<codeStarts[last + 1] { distance.feed(positions[Int(codes[index])]) }
                        if distance.fed > length + budget { break }
                        if distance.value <= budget {
                            let score = 1 - Double(distance.value) / Double(length)
                            if best.map({ score > $0.score }) ?? true {
                                best = LabelHit(words: first..<last + 1, page: pages[first], box: box, score: score,
                                                heights: (first...last).map { boxes[$0].height })
                            }
                        }
                        last += 1
                    }
                    if let best { hits.append(best) }
                }
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
