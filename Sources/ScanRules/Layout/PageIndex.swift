/// The words of each page sorted by their vertical centre, so the words in a horizontal band are found
/// by binary search instead of a scan of the whole document: a value search then costs the same on a
/// one-page card and on a hundred-page file.
struct PageIndex {
    /// Word indices, page after page, each page's sorted by vertical centre (ties in text order), and
    /// those centres; page `p` holds `order[pageStarts[p]..<pageStarts[p + 1]]`.
    private let order: [Int]
    private let centers: [Double]
    private let pageStarts: [Int]

    init(words: [OCRWord], pageCount: Int) {
        let pages = max(pageCount, 1)
        var pageStarts = [Int](repeating: 0, count: pages + 1)
        // Raw buffers, words read in place: built for every document, over every word.
        var entries: [(center: Double, word: Int)] = []
        words.withUnsafeBufferPointer { words in
            pageStarts.withUnsafeMutableBufferPointer { pageStarts in
                for index in words.indices where words[index].page < pages { pageStarts[words[index].page + 1] += 1 }
                for page in 0..<pages { pageStarts[page + 1] += pageStarts[page] }
                // Centre and index side by side, sorted per page: comparing pairs reads no word again.
                entries = [(center: Double, word: Int)](unsafeUninitializedCapacity: pageStarts[pages]) { entries, initialized in
                    var next = Array(pageStarts)
                    for index in words.indices where words[index].page < pages {
                        let page = words[index].page
                        entries.initializeElement(at: next[page], to: (words[index].box.centerY, index))
                        next[page] += 1
                    }
                    for page in 0..<pages {
                        // Sorted in place (an array slice would be copied out and back).
                        var onPage = UnsafeMutableBufferPointer(rebasing: entries[pageStarts[page]..<pageStarts[page + 1]])
                        onPage.sort(by: PageIndex.precedes)
                    }
                    initialized = pageStarts[pages]
                }
            }
        }
        order = entries.map(\.word)
        centers = entries.map(\.center)
        self.pageStarts = pageStarts
    }

    /// Centre first, text order among equal centres.
    private static func precedes(_ a: (center: Double, word: Int), _ b: (center: Double, word: Int)) -> Bool {
        a.center != b.center ? a.center < b.center : a.word < b.word
    }

    /// The words of `page` whose vertical centre lies in `band`.
    func words(onPage page: Int, centeredIn band: ClosedRange<Double>) -> ArraySlice<Int> {
        guard page < pageStarts.count - 1 else { return [] }
        let pageRange = pageStarts[page]..<pageStarts[page + 1]
        let lower = firstIndex(in: pageRange) { $0 >= band.lowerBound }
        let upper = firstIndex(in: pageRange) { $0 > band.upperBound }
        return order[lower..<max(lower, upper)]
    }

    /// The first index of `range` whose centre satisfies a predicate that is false then true along it.
    private func firstIndex(in range: Range<Int>, where predicate: (Double) -> Bool) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if predicate(centers[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
