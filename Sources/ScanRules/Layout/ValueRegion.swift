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

    /// The words of the value in reading order, or an empty list when nothing sits there.
    func words(for label: LabelHit, direction: Direction, maxDistance: Double, tolerance: Double) -> [Int] {
        let height = max(label.box.height, 1)
        let onPage = words.indices.filter { words[$0].page == label.page && !label.words.contains($0) }
        switch direction {
        case .right:
            let row = onPage.filter {
                words[$0].box.verticalOverlapRatio(with: label.box) >= 0.5 && words[$0].box.left >= label.box.right - 0.3 * height
            }.sorted { words[$0].box.left < words[$1].box.left }
            guard let first = row.first, words[first].box.left - label.box.right <= ValueRegion.rightReach * height else { return [] }
            return run(row)
        case .below, .above:
            let slack = tolerance * height
            let candidates = onPage.filter { index in
                let box = words[index].box
                guard box.overlapsHorizontally(label.box, slack: slack), !labelWords.contains(index) else { return false }
                let gap = direction == .below ? box.top - label.box.bottom : label.box.top - box.bottom
                let beyondMiddle = direction == .below ? box.top >= label.box.centerY : box.bottom <= label.box.centerY
                return beyondMiddle && gap <= maxDistance * height
            }
            let nearest = candidates.min { distance(words[$0].box, label.box, direction) < distance(words[$1].box, label.box, direction) }
            guard let nearest else { return [] }
            let rowBox = words[nearest].box
            let row = onPage.filter {
                words[$0].box.verticalOverlapRatio(with: rowBox) >= 0.5 && words[$0].box.right > label.box.left - slack
            }.sorted { words[$0].box.left < words[$1].box.left }
            return run(row)
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
