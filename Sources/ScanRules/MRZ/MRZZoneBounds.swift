/// The score bounds (``MRZScoreBound``) of the zones fitted from one run in one format, from the bounds of
/// their lines: each line option is bounded once for each place it takes in a zone, however many zones hold it.
struct MRZZoneBounds {
    private let candidates: [MRZLineCandidate]
    private let format: MRZFormat
    /// By candidate, option and line: `nil` until worked out, then the line's bound (`nil` when it has none).
    private var lines: [MRZScoreParts??]
    /// The same for the quick bounds (``MRZQuickBound``).
    private var quickLines: [MRZScoreParts??]
    /// The line holding the check digits of dates (the most telling), then the others.
    private let order: [Int]
    /// The most each line can add, by line (``MRZScoreBound/ceiling(line:format:)``).
    private let ceilings: [MRZScoreParts]

    init(candidates: [MRZLineCandidate], format: MRZFormat) {
        self.candidates = candidates
        self.format = format
        lines = Array(repeating: nil, count: candidates.count * MRZLineFitter.maxOptions * format.lineCount)
        quickLines = lines
        order = [1] + (0..<format.lineCount).filter { $0 != 1 }
        ceilings = (0..<format.lineCount).map { MRZScoreBound.ceiling(line: $0, format: format) }
    }

    /// Whether the zone made of `zone`'s candidates (indices), each read by the option in `choice`, might be
    /// plausible and score above `threshold`. Lines are bounded one by one, the others counted at their
    /// ceiling, and the answer given as soon as it is known: most zones are ruled out by their first line.
    mutating func mayBeat(_ threshold: Double?, zone: [Int], choice: [Int], memo: inout MRZScoreMemo) -> Bool {
        var total = MRZScoreParts()
        var rest = ceilings.reduce(MRZScoreParts(), +)
        func rejects(_ parts: MRZScoreParts) -> Bool {
            let bound = MRZScoreMemo.Score(total + parts + rest)
            return !bound.isPlausible || bound.score <= threshold ?? -.infinity
        }
        for line in order {
            rest = rest - ceilings[line]
            guard let parts = self.line(line, candidate: zone[line], option: choice[line], memo: &memo, rejects: rejects)
            else { return true }
            if rejects(parts) { return false }
            total = total + parts
        }
        return true
    }

    /// The bound of the whole zone, or `nil` when a line is not plain ASCII (for checking the bound).
    mutating func bound(zone: [Int], choice: [Int], memo: inout MRZScoreMemo) -> MRZScoreMemo.Score? {
        var total = MRZScoreParts()
        for line in zone.indices {
            guard let parts = self.line(line, candidate: zone[line], option: choice[line], memo: &memo) else { return nil }
            total = total + parts
        }
        return MRZScoreMemo.Score(total)
    }

    /// The bound of one line. When the exact bound is not known yet and the line's quick bound
    /// (``MRZQuickBound``) already `rejects`, that looser bound is the answer (it rejects too, and costs a
    /// fraction of preparing the line). Both are remembered: another zone may not reject the quick one.
    private mutating func line(_ line: Int, candidate: Int, option: Int, memo: inout MRZScoreMemo,
                               rejects: (MRZScoreParts) -> Bool = { _ in false }) -> MRZScoreParts? {
        let index = (candidate * MRZLineFitter.maxOptions + option) * format.lineCount + line
        if let known = lines[index] { return known }
        let cells = candidates[candidate].options[option].cells
        let quick: MRZScoreParts?
        if let known = quickLines[index] {
            quick = known
        } else {
            quick = MRZQuickBound.parts(cells, line: line, format: format, rejects: rejects)
            quickLines[index] = .some(quick)
        }
        if let quick, rejects(quick) { return quick }
        let parts = memo.bound(cells, line: line, format: format)
        assert({ guard let parts, let quick else { return true }; return MRZQuickBound.bounds(parts, quick: quick) }(),
               "the quick bound holds")
        lines[index] = .some(parts)
        return parts
    }
}
