/// A label or keyword prepared for fast tolerant search: its folded codes (see `TextFolding`) and the
/// bit masks of Myers' bit-parallel edit distance, computed once when the rule is compiled.
struct FoldedLabel: Sendable, Hashable {
    /// The folded label as text (`FEXPEDICION`), for messages and as a cache key.
    let text: String
    let codes: [UInt8]
    /// A hash of ``codes`` (FNV-1a), so a document's searches are told apart by one compare, not by
    /// hashing ``text`` at each look-up.
    let fingerprint: UInt64
    /// For each folded code, the positions in the label holding it (bit i for position i).
    let positions: [UInt64]
    /// The set of codes the label holds (bit c for code c), for a cheap first test of a word.
    let codeSet: UInt64
    /// The label cut into ``editBudget`` + 1 pieces of at least two codes: a text within the budget keeps
    /// at least one piece intact. Empty when the label is too short to cut so.
    let pieces: [Piece]

    /// A run of the label's codes, with its first codes packed so a document is compared with it eight
    /// codes at a time.
    struct Piece: Sendable, Hashable {
        /// Offsets into ``FoldedLabel/codes``.
        let range: Range<Int>
        /// The first codes (up to eight), little-endian, and the mask of the bytes they fill.
        let head: UInt64
        let headMask: UInt64

        init(_ range: Range<Int>, of codes: [UInt8]) {
            self.range = range
            let packed = range.prefix(8)
            head = packed.reversed().reduce(0) { $0 << 8 | UInt64(codes[$1]) }
            headMask = packed.count == 8 ? .max : (1 << UInt64(packed.count * 8)) - 1
        }
    }

    /// The longest label the bit-parallel search handles.
    static let maxLength = 64

    /// `nil` when the label folds to nothing or is longer than ``maxLength``.
    init?(_ printed: String) {
        codes = TextFolding.foldCodes(printed)
        guard !codes.isEmpty, codes.count <= FoldedLabel.maxLength else { return nil }
        text = TextFolding.foldLabel(printed)
        fingerprint = codes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        var positions = [UInt64](repeating: 0, count: TextFolding.alphabetSize)
        for (index, code) in codes.enumerated() { positions[Int(code)] |= 1 << UInt64(index) }
        self.positions = positions
        codeSet = FoldedLabel.codeSet(of: codes)
        let length = codes.count, count = FoldedLabel.editBudget(length: length) + 1, size = length / count
        pieces = size < 2 ? [] : (0..<count).map { [codes] piece in
            Piece(piece * size..<(piece == count - 1 ? length : (piece + 1) * size), of: codes)
        }
    }

    /// The set of codes in a folded text (bit c for code c).
    static func codeSet(of codes: some Sequence<UInt8>) -> UInt64 {
        codes.reduce(0) { $0 | 1 << UInt64($1) }
    }

    /// Edits tolerated: none up to 3 letters, 1 up to 6, 2 up to 12, 3 beyond.
    var editBudget: Int { FoldedLabel.editBudget(length: codes.count) }

    private static func editBudget(length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case ..<7: return 1
        case ..<13: return 2
        default: return 3
        }
    }

    /// Levenshtein distance between the label and a text fed one code at a time (Myers/Hyyrö
    /// bit-parallel algorithm, global alignment): feeding a longer text continues where the shorter
    /// one stopped, so a label can be compared with one, two, three words without starting over.
    struct Distance {
        private var positive: UInt64
        private var negative: UInt64 = 0
        private let top: UInt64
        /// The distance between the label and the codes fed so far.
        private(set) var value: Int
        /// The number of codes fed so far.
        private(set) var fed = 0

        /// A distance against a label of `length` codes (1...64).
        init(length: Int) {
            positive = length == 64 ? .max : (1 << UInt64(length)) - 1
            top = 1 << UInt64(length - 1)
            value = length
        }

        /// Feeds one text code, given as the label positions that hold it (`FoldedLabel.positions[code]`).
        mutating func feed(_ equal: UInt64) {
            let vertical = equal | negative
            let horizontal = (((equal & positive) &+ positive) ^ positive) | equal
            var horizontalPositive = negative | ~(horizontal | positive)
            var horizontalNegative = positive & horizontal
            // Wrapping arithmetic (a distance never exceeds the longer text): this runs for every code fed.
            if horizontalPositive & top != 0 { value &+= 1 } else if horizontalNegative & top != 0 { value &-= 1 }
            // The first row of a global alignment grows by one per text code.
            horizontalPositive = (horizontalPositive << 1) | 1
            horizontalNegative <<= 1
            positive = horizontalNegative | ~(vertical | horizontalPositive)
            negative = horizontalPositive & vertical
            fed &+= 1
        }
    }
}
