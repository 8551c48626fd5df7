/// The score of fitted zones, remembered by their characters for the length of one search.
///
/// Different fittings and runs often produce the same characters (a filler appended or a run stretched
/// gives the same line), and a read's score and plausibility depend on its characters alone: where the
/// characters came from (offsets, the source character of a normalised look-alike) only changes what the
/// result reports, never a check, a repair count or a date. So each distinct zone is repaired and scored
/// once, and ``MRZ/find(in:asOf:)`` reads a zone in full only when it becomes the best so far.
struct MRZScoreMemo {
    struct Score {
        let score: Double
        let isPlausible: Bool
    }

    let asOf: CalendarDate
    private var scores: [Key: Score] = [:]

    private struct Key: Hashable {
        let format: MRZFormat
        let characters: [Character]
    }

    init(asOf: CalendarDate) { self.asOf = asOf }

    /// The score ``MRZReader/read(_:format:asOf:)`` gives `lines` (penalty not included).
    mutating func score(_ lines: [[MRZCell]], format: MRZFormat) -> Score {
        let key = Key(format: format, characters: lines.flatMap { $0.map(\.character) })
        if let known = scores[key] { return known }
        // Offsets and sources dropped: they cannot change the score (see above).
        let bare = lines.map { $0.map { MRZCell(character: $0.character, offset: nil, source: nil) } }
        let read = MRZReader.score(bare, format: format, asOf: asOf)
        let score = Score(score: read.score, isPlausible: read.isPlausible)
        scores[key] = score
        return score
    }

    /// The highest score a read of `format` can reach: every check passing, both states known, the
    /// document code, both dates and the sex read, no repair.
    static func ceiling(_ format: MRZFormat) -> Double {
        Double(4 * MRZLayout.of(format).checks.count + 2 * 2 + 2 + 1 + 1 + 1)
    }
}
