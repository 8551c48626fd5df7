/// Finds the words a label's value is printed in: to its right on the same row, or in the nearest row
/// below or above it, using the word boxes (not the engine's text order, which often puts a value
/// printed under its label on the label's line).
struct ValueRegion {
    let words: [OCRWord]
    /// Words that are labels of some field; a value never includes them and stops at them.
    let labelWords: Set<Int>

    /// A gap between two words of one value, in word heights, beyond which the value ends.
    static let wordGap = 2.5
    /// How far to the right a value may start, in label heights.
    static let rightReach = 12.0

    /// Candidate values, nearest first, each as its words in reading order: for `right` the run of words
    /// on the label's row; for `below`/`above` the rows within reach, nearest first, up to the first row
    /// that starts with another label (a value never lies beyond the next label).
    func rows(for label: LabelHit, direction: Direction, maxDistance: Double, tolerance: Double) -> [[Int]] {
        let height = max(label.box.height, 1)
        let onPage = words.indices.filter { words[$0].page == label.page && !label.words.contains($0) }
        switch direction {
        case .right:
            let row = onPage.filter {
                words[$0].box.verticalOverlapRatio(with: label.box) >= 0.5 && words[$0].box.left >= label.box.right - 0.3 * height
            }.sorted { words[$0].box.left < words[$1].box.left }
            guard let first = row.first, words[first].box.left - label.box.right <= ValueRegion.rightReach * height else { return [] }
            let taken = run(row)
            return taken.isEmpty ? [] : [taken]
        case .below, .above:
            let slack = tolerance * height
            var candidates = onPage.filter { index in
                let box = words[index].box
                guard box.overlapsHorizontally(label.box, slack: slack) else { return false }
                let beyondMiddle = direction == .below ? box.top >= label.box.centerY : box.bottom <= label.box.centerY
                return beyondMiddle && distance(box, label.box, direction) <= maxDistance * height
            }.sorted { distance(words[$0].box, label.box, direction) < distance(words[$1].box, label.box, direction) }
            var rows: [[Int]] = []
            while let nearest = candidates.first {
                let rowBox = words[nearest].box
                let row = onPage.filter {
                    words[$0].box.verticalOverlapRatio(with: rowBox) >= 0.5 && words[$0].box.right > label.box.left - slack
                }.sorted { words[$0].box.left < words[$1].box.left }
                let taken = run(row)
                if taken.isEmpty { break }
                rows.append(taken)
                candidates.removeAll { $0 == nearest || row.contains($0) }
            }
            return rows
        }
    }

    /// The leading words of a row that belong together: no label among them, no wide gap between them.
    private func run(_ row: [Int]) -> [Int] {
        var taken: [Int] = []
        for index in row {
            if labelWords.contains(index) { break }
            if let previous = taken.last {
                let gap = words[index].box.left - words[previous].box.right
                if gap > ValueRegion.wordGap * max(words[previous].box.height, 1) { break }
            }
            taken.append(index)
        }
        return taken
    }

    private func distance(_ box: BoundingBox, _ label: BoundingBox, _ direction: Direction) -> Double {
        direction == .below ? box.top - label.bottom : label.top - box.bottom
    }
}
