/// Where each pair of adjacent folded codes occurs in a document's words, so the words a label may start
/// at are found from exact pieces of it instead of by trying every word: a text within a label's edit
/// budget b keeps at least one of the label's b + 1 pieces intact (each edit breaks at most one), within
/// b codes of where the label puts it. On a bill of hundreds of words this spares nearly every word.
///
/// The positions of a pair are chained from its last one backwards, in a hash table about as large as
/// the document: building the index is one pass over the codes, which matters as much as the look-ups
/// on a card of thirty words (a table of every possible pair would cost more to clear than to search).
struct SeedIndex {
    private let codes: [UInt8]
    /// Per bucket of code pairs, the last position starting one of its pairs (-1 for none).
    private let lastInBucket: [Int32]
    private let bucketShift: Int
    /// Per position, the previous position starting a pair of the same bucket (-1 for none).
    private let previous: [Int32]
    /// Per position, the word whose codes start there (meaningful where ``wordStarts`` says one does).
    private let wordAt: [Int32]
    /// Bit `p % 64` of element `p / 64` set where a word's codes start (an empty word starts nothing).
    private let wordStarts: [UInt64]

    /// `codes` are the words' folded codes one after another; word `i`'s codes start at `starts[i]`.
    init(codes: [UInt8], wordStarts starts: some Sequence<Int32>) {
        self.codes = codes
        let count = codes.count
        // A power of two about as large as the document, so chains stay about one position long.
        let bits = max(4, Int.bitWidth - max(1, count).leadingZeroBitCount)
        bucketShift = 32 - bits
        var lastInBucket = [Int32](repeating: -1, count: 1 << bits)
        previous = codes.withUnsafeBufferPointer { codes in
            lastInBucket.withUnsafeMutableBufferPointer { lastInBucket in
                [Int32](unsafeUninitializedCapacity: count) { previous, initialized in
                    for position in 0..<count {
                        var last: Int32 = -1
                        if position + 1 < count {
                            let bucket = SeedIndex.bucket(codes[position], codes[position + 1], shift: 32 - bits)
                            last = lastInBucket[bucket]
                            lastInBucket[bucket] = Int32(truncatingIfNeeded: position)
                        }
                        previous.initializeElement(at: position, to: last)
                    }
                    initialized = count
                }
            }
        }
        self.lastInBucket = lastInBucket
        var wordAt = [Int32](repeating: 0, count: count)
        var wordStarts = [UInt64](repeating: 0, count: count / 64 + 1)
        wordAt.withUnsafeMutableBufferPointer { wordAt in
            wordStarts.withUnsafeMutableBufferPointer { wordStarts in
                // An empty word shares its start with the next word: the last word starting at a position is
                // the one holding codes there.
                var word: Int32 = 0
                for start in starts {
                    if start < count {
                        wordAt[Int(start)] = word
                        wordStarts[Int(start) >> 6] |= 1 &<< UInt64(start & 63)
                    }
                    word &+= 1
                }
            }
        }
        self.wordAt = wordAt
        self.wordStarts = wordStarts
    }

    /// The bucket of a code pair: the pair's number (below 37 × 37) scrambled by a multiplicative hash.
    private static func bucket(_ first: UInt8, _ second: UInt8, shift: Int) -> Int {
        let pair = UInt32(first) &* UInt32(TextFolding.alphabetSize) &+ UInt32(second)
        return Int((pair &* 0x9E37_79B1) &>> UInt32(truncatingIfNeeded: shift))
    }

    /// Calls `body`, in order, with each word where a text within the label's budget may start (a superset:
    /// each is still to be measured); with every word holding codes when the label is too short to cut
    /// into pieces.
    func forEachStartingWord(for label: FoldedLabel, _ body: (Int) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: wordStarts.count) { marks in
        wordStarts.withUnsafeBufferPointer { wordStarts in
            if label.pieces.isEmpty {
                _ = marks.initialize(fromContentsOf: wordStarts)
            } else {
                marks.initialize(repeating: 0)
                markPieces(of: label, in: marks)
            }
            wordAt.withUnsafeBufferPointer { wordAt in
                for block in marks.indices {
                    var bits = marks[block] & wordStarts[block]
                    while bits != 0 {
                        body(Int(wordAt[block << 6 | bits.trailingZeroBitCount]))
                        bits &= bits &- 1
                    }
                }
            }
        }}
    }

    /// Sets in `marks` the positions within the budget of where each intact piece of the label puts its start.
    private func markPieces(of label: FoldedLabel, in marks: UnsafeMutableBufferPointer<UInt64>) {
        let budget = label.editBudget
        codes.withUnsafeBufferPointer { codes in
        label.codes.withUnsafeBufferPointer { labelCodes in
        lastInBucket.withUnsafeBufferPointer { lastInBucket in
        previous.withUnsafeBufferPointer { previous in
            for piece in label.pieces {
                let lead = piece.range.lowerBound, length = piece.range.count
                var found = Int(lastInBucket[SeedIndex.bucket(labelCodes[lead], labelCodes[lead + 1], shift: bucketShift)])
                while found >= 0 {
                    defer { found = Int(previous[found]) }
                    // The bucket holds other pairs too: the whole piece must match.
                    guard found + length <= codes.count, SeedIndex.matches(piece, labelCodes, at: found, in: codes) else { continue }
                    // The label's start sits within the budget of where the piece puts it.
                    let origin = found - lead
                    let lower = max(0, origin - budget), upper = min(codes.count - 1, origin + budget)
                    guard lower <= upper else { continue }
                    SeedIndex.setBits(lower...upper, in: marks)
                }
            }
        }}}}
    }

    /// Whether the piece's codes lie at `position` (which leaves room for all of them).
    private static func matches(_ piece: FoldedLabel.Piece, _ labelCodes: UnsafeBufferPointer<UInt8>, at position: Int,
                                in codes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = piece.range.count
        if position + 8 <= codes.count {
            let head = UnsafeRawPointer(codes.baseAddress!).loadUnaligned(fromByteOffset: position, as: UInt64.self)
            guard UInt64(littleEndian: head) & piece.headMask == piece.head else { return false }
            return length <= 8 || (8..<length).allSatisfy { codes[position + $0] == labelCodes[piece.range.lowerBound + $0] }
        }
        return (0..<length).allSatisfy { codes[position + $0] == labelCodes[piece.range.lowerBound + $0] }
    }

    /// Sets the bits of a short run of positions (at most 64 long).
    private static func setBits(_ positions: ClosedRange<Int>, in marks: UnsafeMutableBufferPointer<UInt64>) {
        var position = positions.lowerBound
        while position <= positions.upperBound {
            let bit = position & 63, count = min(positions.upperBound - position + 1, 64 - bit)
            marks[position >> 6] |= (count == 64 ? .max : (1 << UInt64(count)) - 1) << UInt64(bit)
            position += count
        }
    }
}
