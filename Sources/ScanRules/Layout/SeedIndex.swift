/// Where each pair of adjacent folded codes occurs in a document's words, so the words a label may start
/// at are found from exact pieces of it instead of by trying every word: a text within a label's edit
/// budget b keeps at least one of the label's b + 1 pieces intact (each edit breaks at most one), within
/// b codes of where the label puts it. On a bill of hundreds of words this spares nearly every word.
struct SeedIndex {
    private let codes: [UInt8]
    private let codeStarts: [Int]
    /// Positions of code pairs, grouped by pair: pair `k` occupies `positions[bucketStarts[k]..<bucketStarts[k + 1]]`.
    private let bucketStarts: [Int32]
    private let positions: [Int32]
    /// The word each code belongs to.
    private let wordOfCode: [Int32]

    /// `codes` are the words' folded codes one after another; word `i` holds `codes[codeStarts[i]..<codeStarts[i + 1]]`.
    init(codes: [UInt8], codeStarts: [Int]) {
        self.codes = codes
        self.codeStarts = codeStarts
        let pairs = max(0, codes.count - 1)
        var counts = [Int32](repeating: 0, count: SeedIndex.pairCount + 1)
        for position in 0..<pairs { counts[SeedIndex.pair(codes[position], codes[position + 1]) + 1] += 1 }
        for pair in 0..<SeedIndex.pairCount { counts[pair + 1] += counts[pair] }
        var next = counts
        var positions = [Int32](repeating: 0, count: pairs)
        for position in 0..<pairs {
            let pair = SeedIndex.pair(codes[position], codes[position + 1])
            positions[Int(next[pair])] = Int32(position)
            next[pair] += 1
        }
        bucketStarts = counts
        self.positions = positions
        var wordOfCode = [Int32](repeating: 0, count: codes.count)
        for word in 0..<codeStarts.count - 1 {
            for position in codeStarts[word]..<codeStarts[word + 1] { wordOfCode[position] = Int32(word) }
        }
        self.wordOfCode = wordOfCode
    }

    private static let pairCount = TextFolding.alphabetSize * TextFolding.alphabetSize

    private static func pair(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first) * TextFolding.alphabetSize + Int(second)
    }

    /// The words, in order, where a text within the label's budget may start (a superset: each is still to
    /// be measured); `nil` when the label is too short to cut into pieces, so any word may.
    func startingWords(for label: FoldedLabel) -> [Int]? {
        guard !label.pieces.isEmpty else { return nil }
        let budget = label.editBudget
        var starts: [Int] = []
        codes.withUnsafeBufferPointer { codes in
        label.codes.withUnsafeBufferPointer { labelCodes in
        positions.withUnsafeBufferPointer { positions in
        bucketStarts.withUnsafeBufferPointer { bucketStarts in
        wordOfCode.withUnsafeBufferPointer { wordOfCode in
            for piece in label.pieces {
                let pair = SeedIndex.pair(labelCodes[piece.lowerBound], labelCodes[piece.lowerBound + 1])
                slots: for slot in Int(bucketStarts[pair])..<Int(bucketStarts[pair + 1]) {
                    let found = Int(positions[slot])
                    guard found + piece.count <= codes.count else { continue }
                    // The pair matched; the rest of the piece must too.
                    for offset in 2..<max(2, piece.count) where codes[found + offset] != labelCodes[piece.lowerBound + offset] { continue slots }
                    // The label's start sits within the budget of where the piece puts it, at a word's start.
                    let origin = found - piece.lowerBound
                    let lower = max(0, origin - budget), upper = min(codes.count - 1, origin + budget)
                    guard lower <= upper else { continue }
                    for start in lower...upper {
                        let word = Int(wordOfCode[start])
                        if codeStarts[word] == start { starts.append(word) }
                    }
                }
            }
        }}}}}
        starts.sort()
        var unique: [Int] = []
        unique.reserveCapacity(starts.count)
        for word in starts where unique.last != word { unique.append(word) }
        return unique
    }
}
