/// One way of reading a stretch of text lines as one zone line of the right length.
struct MRZLineOption: Sendable {
    let cells: [MRZCell]
    /// How much the reading had to assume (fillers inserted or removed); lower is likelier.
    let penalty: Int
}

/// A zone-line candidate: text units `start..<end` of a run read as one line, in several ways.
///
/// The ways are worked out only when a zone asks for them: most candidates never open a zone, or only zones
/// whose first line has no document code, and fitting them cost as much as the rest of the search.
final class MRZLineCandidate {
    let start: Int
    let end: Int
    private let cells: [MRZCell]
    private let length: Int
    /// The ways of reading it (``MRZLineFitter/fit(_:length:)``), never empty.
    private(set) lazy var options: [MRZLineOption] = MRZLineFitter.fit(cells, length: length)

    /// Whether some way of reading it may start with a cell for which `opens` holds, answered without
    /// fitting (zones open with a document code, and most candidates tried as a first line have none):
    /// every option keeps the cells' first character in front (padding and stretching add after it,
    /// shrinking removes fillers only, cutting the end keeps it), except the option cut at the front of a
    /// reading `excess` characters too long (with or without its spaces), which starts `excess` in.
    func mayOpen(where opens: (MRZCell) -> Bool) -> Bool {
        guard let first = cells.first, first.code != 32 else { return true }
        if opens(first) { return true }
        let tight = cells.count { $0.code != 32 }
        if cells.count > length, cells.count <= length + 6, cells[cells.count - length].code != 32,
           opens(cells[cells.count - length]) { return true }
        if tight > length, tight <= length + 6, let cell = cells.lazy.filter({ $0.code != 32 }).dropFirst(tight - length).first,
           opens(cell) { return true }
        return false
    }

    init(start: Int, end: Int, cells: [MRZCell], length: Int) {
        self.start = start
        self.end = end
        self.cells = cells
        self.length = length
    }
}

/// Cuts runs of text lines into zone lines of one format's length, undoing what OCR does to line
/// structure: lines split in two, two lines merged into one, fillers read as spaces or dropped.
enum MRZLineFitter {
    static let maxOptions = 4

    /// The zone-line candidates of a run, in order of their first unit.
    static func candidates(in run: [MRZTextLine], length: Int) -> [MRZLineCandidate] {
        let units = run.flatMap { splitMerged($0.cells, length: length) }
        var result: [MRZLineCandidate] = []
        for start in units.indices {
            var joined: [MRZCell] = []
            joined.reserveCapacity(units[start..<min(start + 3, units.count)].reduce(0) { $0 + $1.count })
            for end in start + 1...min(start + 3, units.count) {
                joined += units[end - 1]
                let tightCount = joined.count { $0.code != 32 }
                if end > start + 1 && tightCount > length + 6 { break }
                if fits(joined, length: length) { result.append(MRZLineCandidate(start: start, end: end, cells: joined, length: length)) }
                if tightCount >= length { break }
            }
        }
        return result
    }

    /// Whether ``fit(_:length:)`` finds some way of reading `cells`: every option reads the cells with or
    /// without their spaces, at a length from a third of a line to six over, and one such length always
    /// gives an option (exact, padded, or cut).
    static func fits(_ cells: [MRZCell], length: Int) -> Bool {
        let fitting = length / 3...length + 6
        return fitting.contains(cells.count) || fitting.contains(cells.count { $0.code != 32 })
    }

    /// Ways of reading `cells` as exactly `length` characters, likeliest first.
    static func fit(_ cells: [MRZCell], length: Int) -> [MRZLineOption] {
        // Answer before building anything when no length fits.
        guard fits(cells, length: length) else { return [] }
        // Arrays sized up front: fitting runs for every stretch of every run, and growing them cost more
        // than filling them.
        var tight: [MRZCell] = []
        tight.reserveCapacity(cells.count)
        for cell in cells where cell.code != 32 { tight.append(cell) }
        let spaced = cells.map { $0.code == 32 ? $0.asFiller() : $0 }
        var options: [MRZLineOption] = []
        options.reserveCapacity(8)
        if tight.count == length { options.append(MRZLineOption(cells: tight, penalty: 0)) }
        if spaced.count == length, spaced.count != tight.count { options.append(MRZLineOption(cells: spaced, penalty: 0)) }
        let bases = spaced.count == tight.count ? [(spaced, 1)] : [(spaced, 1), (tight, 2)]
        for (base, penalty) in bases where base.count < length && base.count >= length / 3 {
            var padded = base
            padded.reserveCapacity(length)
            padded.append(contentsOf: repeatElement(.filler(), count: length - base.count))
            options.append(MRZLineOption(cells: padded, penalty: penalty))
            if let stretched = stretchLastInnerRun(base, by: length - base.count) {
                options.append(MRZLineOption(cells: stretched, penalty: penalty))
            }
        }
        for (base, penalty) in bases where base.count > length && base.count <= length + 6 {
            let excess = base.count - length
            if let shrunk = shrinkLongestRun(base, by: excess) { options.append(MRZLineOption(cells: shrunk, penalty: penalty + 1)) }
            options.append(MRZLineOption(cells: Array(base.dropFirst(excess)), penalty: penalty + 2))
            options.append(MRZLineOption(cells: Array(base.dropLast(excess)), penalty: penalty + 2))
        }
        return distinct(options).prefix(maxOptions).map { $0 }
    }

    /// The options with distinct characters, first of each kept. Compared by code when every character is
    /// plain ASCII (then codes compare as characters; `\n` cannot occur in a line), else as strings, which
    /// also equate canonically equivalent characters such as the Kelvin sign and `K`.
    /// A handful of options: compared pairwise, with no key to build and hash.
    private static func distinct(_ options: [MRZLineOption]) -> [MRZLineOption] {
        if options.allSatisfy({ $0.cells.allSatisfy { $0.code < 128 } }) {
            var kept: [MRZLineOption] = []
            for option in options where !kept.contains(where: { sameCodes($0.cells, option.cells) }) { kept.append(option) }
            return kept
        }
        var seen: Set<String> = []
        return options.filter { seen.insert(String($0.cells.map(\.character))).inserted }
    }

    private static func sameCodes(_ a: [MRZCell], _ b: [MRZCell]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.code == $1.code }
    }

    /// A text line holding two or three zone lines (OCR merged them) cut into its lines; other lines as they are.
    static func splitMerged(_ cells: [MRZCell], length: Int) -> [[MRZCell]] {
        // Counted before anything is built: most lines hold one zone line or less.
        guard cells.count(where: { $0.code != 32 }) >= 2 * length - 6 else { return [cells] }
        let tight = cells.filter { $0.code != 32 }
        if tight.count % length == 0 {
            return stride(from: 0, to: tight.count, by: length).map { Array(tight[$0..<$0 + length]) }
        }
        let spaced = cells.map { $0.code == 32 ? $0.asFiller() : $0 }
        if spaced.count % length == 0 {
            return stride(from: 0, to: spaced.count, by: length).map { Array(spaced[$0..<$0 + length]) }
        }
        // Cut at the space after which the first piece comes closest to a full line without exceeding it.
        var best: Int?
        var count = 0
        for (index, cell) in cells.enumerated() {
            if cell.code == 32 {
                if count <= length && count >= length - 8 { best = index }
            } else {
                count += 1
            }
        }
        guard let cut = best else { return [cells] }
        let rest = Array(cells[(cut + 1)...].drop { $0.code == 32 })
        return [Array(cells[..<cut])] + splitMerged(rest, length: length)
    }

    /// Lengthens the last run of fillers followed by other characters (fillers OCR dropped mid-line).
    private static func stretchLastInnerRun(_ cells: [MRZCell], by extra: Int) -> [MRZCell]? {
        guard let lastOther = cells.lastIndex(where: { $0.code != 60 }),
              let runEnd = cells[..<lastOther].lastIndex(where: { $0.code == 60 }) else { return nil }
        var result: [MRZCell] = []
        result.reserveCapacity(cells.count + extra)
        result += cells[...runEnd]
        result.append(contentsOf: repeatElement(.filler(), count: extra))
        result += cells[(runEnd + 1)...]
        return result
    }

    /// Shortens the longest run of fillers (fillers OCR doubled).
    private static func shrinkLongestRun(_ cells: [MRZCell], by excess: Int) -> [MRZCell]? {
        var best: Range<Int>?
        var start: Int?
        for index in 0...cells.count {
            let isFiller = index < cells.count && cells[index].code == 60
            if isFiller, start == nil { start = index }
            if !isFiller, let runStart = start {
                if runStart..<index != best, (index - runStart) > (best?.count ?? 0) { best = runStart..<index }
                start = nil
            }
        }
        guard let run = best, run.count > excess else { return nil }
        var result = cells
        result.removeSubrange(run.upperBound - excess..<run.upperBound)
        return result
    }
}
