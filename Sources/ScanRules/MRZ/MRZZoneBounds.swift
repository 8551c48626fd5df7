/// The score bounds (``MRZScoreBound``) of the zones fitted from one run in one format, from the bounds of
/// their lines: each line option is bounded once for each place it takes in a zone, however many zones hold it.
struct MRZZoneBounds {
    private let candidates: [MRZLineCandidate]
    private let format: MRZFormat
    /// By candidate, option and line: `nil` until worked out, then the line's bound (`nil` when it has none).
    private var lines: [MRZScoreParts??]

    init(candidates: [MRZLineCandidate], format: MRZFormat) {
        self.candidates = candidates
        self.format = format
        lines = Array(repeating: nil, count: candidates.count * MRZLineFitter.maxOptions * format.lineCount)
    }

    /// The bound of the zone made of `zone`'s candidates (indices), each read by the option in `choice`, or
    /// `nil` when a line is not plain ASCII.
    mutating func bound(zone: [Int], choice: [Int], memo: inout MRZScoreMemo) -> MRZScoreMemo.Score? {
        var total = MRZScoreParts()
        for (line, (candidate, option)) in zip(zone, choice).enumerated() {
            let index = (candidate * MRZLineFitter.maxOptions + option) * format.lineCount + line
            let parts: MRZScoreParts?
            if let known = lines[index] {
                parts = known
            } else {
                parts = memo.bound(candidates[candidate].options[option].cells, line: line, format: format)
                lines[index] = .some(parts)
            }
            guard let parts else { return nil }
            total = total + parts
        }
        return MRZScoreMemo.Score(total)
    }
}
