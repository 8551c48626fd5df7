/// The words of each page sorted by their vertical centre, so the words in a horizontal band are found
/// by binary search instead of a scan of the whole document: a value search then costs the same on a
/// one-page card and on a hundred-page file.
struct PageIndex {
    /// Per page, word indices sorted by vertical centre, and those centres.
    private let order: [[Int]]
    private let centers: [[Double]]

    init(words: [OCRWord], pageCount: Int) {
        var order = [[Int]](repeating: [], count: max(pageCount, 1))
        for index in words.indices where words[index].page < order.count {
            order[words[index].page].append(index)
        }
        for page in order.indices {
            order[page].sort { words[$0].box.centerY < words[$1].box.centerY }
        }
        self.order = order
        centers = order.map { $0.map { words[$0].box.centerY } }
    }

    /// The words of `page` whose vertical centre lies in `band`.
    func words(onPage page: Int, centeredIn band: ClosedRange<Double>) -> ArraySlice<Int> {
        guard page < order.count else { return [] }
        let centers = self.centers[page]
        let lower = firstIndex(in: centers) { $0 >= band.lowerBound }
        let upper = firstIndex(in: centers) { $0 > band.upperBound }
        return order[page][lower..<max(lower, upper)]
    }

    /// The first index whose element satisfies a predicate that is false then true along the array.
    private func firstIndex(in values: [Double], where predicate: (Double) -> Bool) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(values[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
