/// Finds and reads ICAO 9303 machine-readable zones (TD1, TD2, TD3) in OCR text.
///
/// ```swift
/// let text = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
/// if let mrz = MRZ.find(in: text, asOf: CalendarDate(iso: "2025-10-23")!) {
///     print(mrz.format, mrz.field(.documentNumber)!.value, mrz.birthDate!)   // TD3 L898902C3 1974-08-12
///     for check in mrz.checks { print(check.name, check.status) }
/// }
/// ```
///
/// The reader tolerates what OCR does to a zone: lines split, merged or padded, fillers read as `K`,
/// `L`, `«`, `(` or spaces, and letters and digits confused (`O/0 I/1 B/8 S/5 Z/2 G/6`). A character is
/// changed when its position cannot hold it (a letter in a date, a digit in a name) or when a check
/// digit confirms the change (see ``MRZRepair/Basis``); every change is reported.
public enum MRZ {
    /// The likeliest zone in `text` (for example a document's whole OCR text), or `nil` when there is none.
    ///
    /// - Parameter asOf: the reference date that decides the century of two-digit birth years.
    public static func find(in text: String, asOf: CalendarDate) -> MRZResult? {
        let runs = MRZTextLine.candidateRuns(MRZTextLine.lines(of: text))
        // The best zone is read in full only once the search is over (reading builds every field and
        // verdict, and several zones are often the best for a while): its score is that of its characters.
        var best: Best?
        var memo = MRZScoreMemo(asOf: asOf)
        func read(_ best: Best) -> MRZResult {
            let read = MRZReader.read(best.lines, format: best.format, asOf: asOf, memo: &memo.repairs)
            assert(read.score == best.scored.score && read.isPlausible, "a zone's score depends on its characters alone")
            return read.result
        }
        for run in runs {
            for format in MRZFormat.allCases {
                let candidates = MRZLineFitter.candidates(in: run, length: format.lineLength)
                let ceiling = MRZScoreMemo.ceiling(format)
                var bounds = MRZZoneBounds(candidates: candidates, format: format)
                for zone in zones(from: candidates, count: format.lineCount) {
                    // A zone must open with the format's document code; checking it first keeps the
                    // costly repair away from ordinary upper-case text, and the other lines' combinations
                    // are built only for a first line that passes.
                    guard candidates[zone[0]].mayOpen(where: { opensWithDocumentCode($0, format) }) else { continue }
                    let firsts = candidates[zone[0]].options.indices.filter {
                        candidates[zone[0]].options[$0].cells.first.map { opensWithDocumentCode($0, format) } ?? false
                    }
                    guard !firsts.isEmpty else { continue }
                    let rests = optionProducts(zone.dropFirst().map { candidates[$0] })
                    for first in firsts {
                        for rest in rests {
                            let choice = [first] + rest
                            let options = zip(zone, choice).map { candidates[$0].options[$1] }
                            let penalty = Double(options.reduce(0) { $0 + $1.penalty })
                            // Only a strictly higher score replaces the best: skip what cannot reach it, first
                            // by the format's ceiling, then by what the lines could reach once repaired.
                            guard ceiling - penalty > best?.score ?? -.infinity else { continue }
                            guard bounds.mayBeat(best.map { $0.score + penalty }, zone: zone, choice: choice, memo: &memo)
                            else { continue }
                            let lines = options.map(\.cells)
                            let scored = memo.score(lines, format: format)
                            assert(bounds.bound(zone: zone, choice: choice, memo: &memo).map { scored.score <= $0.score } ?? true,
                                   "the bound holds")
                            let score = scored.score - penalty
                            guard scored.isPlausible, score > best?.score ?? -.infinity else { continue }
                            best = Best(lines: lines, format: format, scored: scored, score: score)
                            // A zone read as printed, every check digit verified, cannot be bettered: stop here
                            // rather than try every other fitting (the search dominates extraction time).
                            if penalty == 0, scored.isClean, !lines.contains(where: { $0.contains(where: \.isNormalised) }) {
                                let result = read(best!)
                                assert(result.repairs.isEmpty && result.checks.allSatisfy { $0.status == .verified || $0.status == .absent })
                                return result
                            }
                        }
                    }
                }
            }
        }
        return best.map(read)
    }

    /// The best zone so far: its lines, its score as a zone and its score less its fitting's penalty.
    private struct Best {
        let lines: [[MRZCell]]
        let format: MRZFormat
        let scored: MRZScoreMemo.Score
        let score: Double
    }

    /// Reads a zone given as its lines (2 × 36, 2 × 44 or 3 × 30 characters, give or take what OCR did to
    /// them), repairing OCR confusions as ``find(in:asOf:)`` does; `nil` when they hold no zone of that many
    /// lines. Source offsets are those of the lines joined with `\n`.
    public static func parse(lines: [String], asOf: CalendarDate) -> MRZResult? {
        guard let result = find(in: lines.joined(separator: "\n"), asOf: asOf), result.lines.count == lines.count
        else { return nil }
        return result
    }

    /// Whether a line starting with `first` may open a zone of `format`.
    private static func opensWithDocumentCode(_ first: MRZCell, _ format: MRZFormat) -> Bool {
        let character = first.character
        return format.documentCodeInitials.contains(MRZCharacters.digitToLetter[character] ?? character)
    }

    /// Sequences of `count` candidates (their indices), each starting where the previous one ends.
    private static func zones(from candidates: [MRZLineCandidate], count: Int) -> [[Int]] {
        var result: [[Int]] = []
        func extend(_ zone: [Int]) {
            if zone.count == count { result.append(zone); return }
            for next in candidates.indices where candidates[next].start == candidates[zone.last!].end { extend(zone + [next]) }
        }
        for first in candidates.indices { extend([first]) }
        return result
    }

    /// Every combination of the candidates' options, as option indices (the last candidate's varying fastest).
    private static func optionProducts(_ zone: [MRZLineCandidate]) -> [[Int]] {
        var products: [[Int]] = [[]]
        for candidate in zone {
            products = products.flatMap { product in candidate.options.indices.map { product + [$0] } }
        }
        return products
    }
}
