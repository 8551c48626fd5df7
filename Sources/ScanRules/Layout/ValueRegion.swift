/// Finds the words a label's value is printed in: to its right or left on the same row, or in the
/// nearest rows below or above it, using the word boxes (not the engine's text order, which often puts
/// a value printed under its label on the label's line).
struct ValueRegion {
    let words: [OCRWord]
    /// Per word, whether it is a label of some field; a value never includes them and stops at them.
    let labelWords: [Bool]
    private let index: PageIndex

    /// A gap between two words of one value, in row heights, beyond which the value ends.
    static let wordGap = 2.5
    /// How far to the side a value may start, in label heights.
    static let sideReach = 12.0
    /// A vertical gap between two rows of one value, in row heights, beyond which the value ends.
    static let lineGap = 1.6
    /// A word shorter than this share of the label's height (a speck of dirt OCR read as `Ó`) does not
    /// start a row of its own.
    static let minimumRowShare = 0.35

    init(words: [OCRWord], labelWords: [Bool], pageCount: Int) {
        self.words = words
        self.labelWords = labelWords
        index = PageIndex(words: words, pageCount: pageCount)
    }

    /// Candidate values, nearest first, each as rows of words in reading order: for `right`/`left` the
    /// run of words on the label's row; for `below`/`above` the rows within reach, nearest first, up to
    /// the first row that starts with another label (a value never lies beyond the next label).
    /// Rows are found as they are asked for: a value is usually in the first one.
    func rows(for label: LabelHit, direction: Direction, maxDistance: Double, tolerance: Double) -> Rows {
        let height = max(label.box.height, 1)
        switch direction {
        case .right, .left:
            let taken = sideRun(from: label, height: height, rightwards: direction == .right)
            return Rows(region: self, page: label.page, left: 0, pending: [], side: taken.isEmpty ? nil : taken)
        case .below, .above:
            let slack = tolerance * height
            let reach = maxDistance * height
            let band = direction == .below ? label.box.centerY...label.box.bottom + reach + height
                                           : label.box.top - reach - height...label.box.centerY
            // Each word that may start a row, with its distance from the label: worked out once per word
            // rather than twice per comparison when sorted nearest first (the comparisons, and so the
            // order, are the same).
            var candidates: [(distance: Double, word: Int)] = []
            for word in index.words(onPage: label.page, centeredIn: band) {
                let box = words[word].box
                // A speck does not start a row, but a label's words always do: they end the search.
                guard !label.words.contains(word), box.overlapsHorizontally(label.box, slack: slack),
                      box.height >= ValueRegion.minimumRowShare * label.textHeight || labelWords[word] else { continue }
                let beyondMiddle = direction == .below ? box.top >= label.box.centerY : box.bottom <= label.box.centerY
                let distance = distance(box, label.box, direction)
                if beyondMiddle && distance <= reach { candidates.append((distance, word)) }
            }
            candidates.sort { $0.distance < $1.distance }
            return Rows(region: self, page: label.page, left: label.box.left - slack, pending: candidates, side: nil)
        }
    }

    /// The rows around one label, nearest first (see ``rows(for:direction:maxDistance:tolerance:)``).
    struct Rows: Sequence, IteratorProtocol {
        fileprivate let region: ValueRegion
        fileprivate let page: Int
        fileprivate let left: Double
        /// Words that may start a row, nearest first (with their distance from the label, their sort
        /// key); those of rows already given are gone.
        fileprivate var pending: [(distance: Double, word: Int)]
        /// The one run beside the label, for `right`/`left`.
        fileprivate var side: [Int]?

        mutating func next() -> [Int]? {
            if let side {
                self.side = nil
                return side
            }
            guard let nearest = pending.first?.word else { return nil }
            let words = region.words
            let row = region.rowWords(around: words[nearest].box, page: page, from: left)
            let taken = region.run(row, height: words[nearest].box.height)
            guard !taken.isEmpty else {
                pending = []
                return nil
            }
            pending.removeAll { $0.word == nearest || row.contains($0.word) }
            return taken
        }
    }

    /// Rows that continue a value downwards (an address over several lines): each next row directly
    /// under the previous one (a gap of at most ``lineGap`` row heights) and starting under it, right of `left`, at most
    /// `count` rows in all. Reach from the label does not limit them: only the first row must be near it.
    /// A value that starts left of `left` (found under one half of a bilingual label, `Authority`)
    /// continues from its own left edge.
    func continuation(of first: [Int], count: Int, page: Int, left: Double) -> [[Int]] {
        var taken = [first]
        var previous = rowBox(first)
        // The speck threshold follows the text's height, not the row box's (see `typicalHeight`).
        var textHeight = typicalHeight(first)
        let left = min(left, previous.left - previous.height)
        while taken.count < count {
            let height = max(previous.height, 1)
            let reach = previous.bottom + ValueRegion.lineGap * height
            // The topmost word under the previous row: the first of equals, as `min(by:)` would give.
            var nearest: Int?
            for word in index.words(onPage: page, centeredIn: previous.bottom...reach + height) {
                let box = words[word].box
                // Under the previous row: another column further right is not a continuation.
                guard box.top >= previous.centerY && box.top <= reach && box.right > left && box.left < previous.right
                    && box.height >= ValueRegion.minimumRowShare * textHeight && !taken.contains(where: { $0.contains(word) }) else { continue }
                if nearest.map({ box.top < words[$0].box.top }) ?? true { nearest = word }
            }
            guard let nearest else { break }
            let row = run(rowWords(around: words[nearest].box, page: page, from: left), height: words[nearest].box.height)
            // A row of one stray character (a frame edge read as `L` or `|`) does not continue a value.
            let content = row.reduce(0) { $0 + ValueRegion.lettersAndDigits(in: words[$1].text) }
            guard content >= 2 else { break }
            taken.append(row)
            previous = rowBox(row)
            textHeight = typicalHeight(row)
        }
        return taken
    }

    /// How many letters and digits `text` holds. ASCII byte by byte: a Character's `isLetter` costs
    /// hundreds of instructions, and for ASCII it holds for A–Z and a–z only, `isNumber` for 0–9 only.
    private static func lettersAndDigits(in text: String) -> Int {
        let ascii = ByteText.withBytes(text, .ascii) { bytes in
            bytes.reduce(0) { count, byte in
                ByteText.isASCIILetter(byte) || ByteText.isASCIIDigit(byte) ? count + 1 : count
            }
        }
        return ascii ?? text.reduce(0) { $1.isLetter || $1.isNumber ? $0 + 1 : $0 }
    }

    /// The height of a row's text: its words' median height. The union of the boxes is not: one
    /// oversized box (OCR's box for a short word may take in a stroke above or below) would make the
    /// next row's letters look like specks and end the value.
    private func typicalHeight(_ row: [Int]) -> Double {
        let heights = row.map { words[$0].box.height }.sorted()
        return heights.isEmpty ? 0 : heights[heights.count / 2]
    }

    /// Words beside the label on its row, walking word to word so that a slightly rotated row is followed.
    private func sideRun(from label: LabelHit, height: Double, rightwards: Bool) -> [Int] {
        let band = label.box.top - 3 * height...label.box.bottom + 3 * height
        let nearby = index.words(onPage: label.page, centeredIn: band)
        var taken: [Int] = []
        var current = label.box
        var rowHeight = height
        while true {
            // The nearest word beyond `current`, the first of equals: a plain loop, as this runs for
            // every label searched sideways.
            var next: Int?
            var nextGap = Double.infinity
            for word in nearby where !label.words.contains(word) {
                let box = words[word].box
                guard !taken.contains(word), box.verticalOverlapRatio(with: current) >= 0.5,
                      rightwards ? box.left >= current.right - 0.3 * rowHeight : box.right <= current.left + 0.3 * rowHeight else { continue }
                let wordGap = gap(current, box, rightwards)
                if next == nil || wordGap < nextGap {
                    next = word
                    nextGap = wordGap
                }
            }
            guard let next, !labelWords[next] else { break }
            let limit = taken.isEmpty ? ValueRegion.sideReach * height : ValueRegion.wordGap * rowHeight
            guard nextGap <= limit else { break }
            taken.append(next)
            current = words[next].box
            rowHeight = max(rowHeight, current.height)
        }
        return rightwards ? taken : taken.reversed()
    }

    /// The words on the row of `box`, from `left` onwards, in reading order. The row is followed word to
    /// word in both directions, so on a slightly rotated page its far end still counts.
    ///
    /// The words near the row (the band) are marked in a stack buffer, one flag set per word of the band,
    /// instead of being copied into arrays searched again and again: this runs for every row of every
    /// value searched.
    fileprivate func rowWords(around box: BoundingBox, page: Int, from left: Double) -> [Int] {
        let nearby = index.words(onPage: page, centeredIn: box.top - 4 * box.height...box.bottom + 4 * box.height)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: nearby.count) { marks in
            let band = RowBand(nearby: nearby, marks: marks)
            var row: [Int] = []
            row.reserveCapacity(nearby.count)
            for position in band.positions {
                let word = band.word(at: position)
                guard words[word].box.right > left else {
                    marks[position] = 0
                    continue
                }
                let inRow = words[word].box.verticalOverlapRatio(with: box) >= 0.5
                marks[position] = RowBand.inBand | (inRow ? RowBand.inRow : 0)
                if inRow { row.append(word) }
            }
            follow(&row, from: box, in: band, rightwards: true)
            follow(&row, from: box, in: band, rightwards: false)
            // Through a buffer, as in `rows(for:…)`: no retain and release of the word array per comparison.
            words.withUnsafeBufferPointer { words in row.sort { words[$0].box.left < words[$1].box.left } }
            return row
        }
    }

    /// The words near a row, by position in the page index's slice, with flags saying which are in the
    /// band (right of the value's left edge), in the row so far, and visited by the current walk.
    private struct RowBand {
        static let inBand: UInt8 = 1, inRow: UInt8 = 2, visited: UInt8 = 4
        let nearby: ArraySlice<Int>
        let marks: UnsafeMutableBufferPointer<UInt8>

        var positions: Range<Int> { 0..<nearby.count }
        func word(at position: Int) -> Int { nearby[nearby.startIndex + position] }
        func has(_ flag: UInt8, _ position: Int) -> Bool { marks[position] & flag != 0 }
        func set(_ flag: UInt8, _ position: Int) { marks[position] |= flag }
    }

    /// Extends a row rightwards or leftwards.
    private func follow(_ row: inout [Int], from box: BoundingBox, in band: RowBand, rightwards: Bool) {
        // First word to word from `box` itself: on a tilted row a tall word further on (a bigger
        // font) may overlap `box` while the words between have drifted off it; walking only from
        // the row's far end would leave those between out and cut the value at the hole.
        for position in band.positions { band.marks[position] &= ~RowBand.visited }
        var edge = box
        while let next = nearest(in: band, after: edge, rightwards, skipping: RowBand.visited) {
            band.set(RowBand.visited, next)
            if !band.has(RowBand.inRow, next) {
                band.set(RowBand.inRow, next)
                row.append(band.word(at: next))
            }
            edge = words[band.word(at: next)].box
        }
        // Then on from the row's far end, if the walk stopped short of it.
        edge = row.reduce(edge) { edge, word in
            let candidate = words[word].box
            return rightwards ? (candidate.right > edge.right ? candidate : edge) : (candidate.left < edge.left ? candidate : edge)
        }
        while let next = nearest(in: band, after: edge, rightwards, skipping: RowBand.inRow) {
            band.set(RowBand.inRow, next)
            row.append(band.word(at: next))
            edge = words[band.word(at: next)].box
        }
    }

    /// The position in `band` of the word (not flagged `skipped`) that comes next after `edge`, the
    /// nearest horizontally; the first of equals.
    private func nearest(in band: RowBand, after edge: BoundingBox, _ rightwards: Bool, skipping skipped: UInt8) -> Int? {
        var best: Int?
        var bestDistance = Double.infinity
        for position in band.positions where band.has(RowBand.inBand, position) && !band.has(skipped, position) {
            let box = words[band.word(at: position)].box
            guard follows(box, edge, rightwards) else { continue }
            let distance = abs(box.centerX - edge.centerX)
            if distance < bestDistance {
                best = position
                bestDistance = distance
            }
        }
        return best
    }

    /// Whether `candidate` is the next word of a row after `edge`: level with it and beyond it.
    /// The side is tested first: it rules out about half the band for the price of a comparison.
    private func follows(_ candidate: BoundingBox, _ edge: BoundingBox, _ rightwards: Bool) -> Bool {
        (rightwards ? candidate.left >= edge.right - 0.3 * edge.height : candidate.right <= edge.left + 0.3 * edge.height)
            && candidate.verticalOverlapRatio(with: edge) >= 0.5
    }

    /// The leading words of a row that belong together: no label among them, no wide gap between them.
    /// Gaps are measured against the tallest word so far, so a dash's tiny box does not end the value.
    fileprivate func run(_ row: [Int], height: Double) -> [Int] {
        var count = 0
        var rowHeight = max(height, 1)
        for index in row {
            if labelWords[index] { break }
            if count > 0, words[index].box.left - words[row[count - 1]].box.right > ValueRegion.wordGap * rowHeight { break }
            count += 1
            rowHeight = max(rowHeight, words[index].box.height)
        }
        // Copied once at its final size.
        return Array(row[..<count])
    }

    private func rowBox(_ row: [Int]) -> BoundingBox {
        row.dropFirst().reduce(words[row[0]].box) { $0.union(words[$1].box) }
    }

    private func gap(_ from: BoundingBox, _ to: BoundingBox, _ rightwards: Bool) -> Double {
        rightwards ? to.left - from.right : from.left - to.right
    }

    private func distance(_ box: BoundingBox, _ label: BoundingBox, _ direction: Direction) -> Double {
        direction == .below ? box.top - label.bottom : label.top - box.bottom
    }
}
