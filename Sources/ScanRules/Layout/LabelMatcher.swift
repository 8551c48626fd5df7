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
        withUnsafeTemporaryAllocation(of: Double.self, capacity: boxes.count) { buffer in
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
    /// Whether word `i + 1` continues the row of word `i`.
    private let continues: [Bool]
    /// Codes on the word's row from the word to the row's end.
    private let reach: [Int]
    private let seeds: SeedIndex
    private var found: [String: [LabelHit]] = Dictionary(minimumCapacity: 32)
    /// The words opening with a box number, for numbered labels (see ``NumberedLabel``).
    private(set) lazy var numberOpenings = NumberOpening.all(in: words)

    init(words: [OCRWord]) {
        self.words = words
        let count = words.count
        var codes: [UInt8] = [], codeStarts: [Int] = [0], codeSets: [UInt64] = []
        codes.reserveCapacity(count * 8)
        codeStarts.reserveCapacity(count + 1)
        codeSets.reserveCapacity(count)
        for word in words {
            let start = codes.count
            TextFolding.appendCodes(of: word.text, to: &codes)
            codeStarts.append(codes.count)
            codeSets.append(FoldedLabel.codeSet(of: codes[start...]))
        }
        let boxes = words.map(\.box), pages = words.map(\.page)
        let continues = (0..<count).map { index in
            index + 1 < count && LabelMatcher.continuesRow(boxes[index + 1], pages[index + 1], after: boxes[index], pages[index])
        }
        // Walking backwards, each word learns how many codes its row offers from it on.
        var reach = [Int](repeating: 0, count: count)
        for index in (0..<count).reversed() {
            reach[index] = codeStarts[index + 1] - codeStarts[index] + (continues[index] ? reach[index + 1] : 0)
        }
        self.codes = codes
        self.codeStarts = codeStarts
        self.codeSets = codeSets
        self.boxes = boxes
        self.pages = pages
        self.reach = reach
        self.continues = continues
        seeds = SeedIndex(codes: codes, codeStarts: codeStarts)
    }

    /// Whether a word continues the row of the word before it, as a label split over words must.
    static func continuesRow(_ box: BoundingBox, _ page: Int, after previous: BoundingBox, _ previousPage: Int) -> Bool {
        page == previousPage && box.verticalOverlapRatio(with: previous) >= 0.4 && box.left >= previous.left
    }

    /// The folded codes of word `index`.
    func codes(ofWord index: Int) -> ArraySlice<UInt8> { codes[codeStarts[index]..<codeStarts[index + 1]] }

    /// Whether ``find(_:)`` has looked for this label already (its hits are then free).
    func hasSearched(_ label: FoldedLabel) -> Bool { found[label.text] != nil }

    /// Every place the label occurs, best first; overlapping weaker hits are dropped.
    func find(_ label: FoldedLabel) -> [LabelHit] {
        if let known = found[label.text] { return known }
        let hits = search(label)
        found[label.text] = hits
        return hits
    }

    private func search(_ label: FoldedLabel) -> [LabelHit] {
        let budget = label.editBudget, length = label.codes.count
        let codeSet = label.codeSet
        let starts = seeds.startingWords(for: label)
        var hits: [LabelHit] = []
        // Raw buffers: this loop runs for every label and word of every document.
        label.positions.withUnsafeBufferPointer { positions in
        codes.withUnsafeBufferPointer { codes in
        codeStarts.withUnsafeBufferPointer { codeStarts in
        reach.withUnsafeBufferPointer { reach in
        codeSets.withUnsafeBufferPointer { codeSets in
        continues.withUnsafeBufferPointer { continues in
            for first in starts ?? Array(0..<reach.count) {
                // A first word that is empty, longer than the label plus its budget, or holding codes the
                // label lacks, cannot start it; nor can a row too short for the label.
                let firstLength = codeStarts[first + 1] - codeStarts[first]
                guard firstLength > 0, firstLength <= length + budget, reach[first] >= length - budget,
                      (codeSets[first] & ~codeSet).nonzeroBitCount <= budget else { continue }
                var distance = FoldedLabel.Distance(length: length)
                var best: (last: Int, value: Int)?
                var last = first
                while true {
                    for index in codeStarts[last]..<codeStarts[last + 1] { distance.feed(positions[Int(codes[index])]) }
                    if distance.fed > length + budget { break }
                    if distance.value <= budget, best.map({ distance.value < $0.value }) ?? true { best = (last, distance.value) }
                    guard continues[last] else { break }
                    last += 1
                }
                if let best {
                    let box = boxes[first + 1..<best.last + 1].reduce(boxes[first]) { $0.union($1) }
                    hits.append(LabelHit(words: first..<best.last + 1, page: pages[first], box: box,
                                         score: 1 - Double(best.value) / Double(length),
                                         wordBoxes: boxes[first...best.last]))
                }
            }
        }}}}}}
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.words.lowerBound < $1.words.lowerBound }
        var kept: [LabelHit] = []
        for hit in hits where !kept.contains(where: { $0.words.overlaps(hit.words) }) {
            kept.append(hit)
        }
        return kept
    }
}
