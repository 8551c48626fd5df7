/// `K` and `L` that OCR read for the fillers ending a field.
///
/// A check digit cannot tell `K` from `<` (K is worth 20, which weighs 0 modulo 10), and names carry no
/// check digit at all, so this repair rests on shape alone and takes only the unambiguous case: in the run
/// of `K`, `L` and `<` that ends a name area or an alphanumeric field (document number, optional data,
/// personal number), every `K`/`L` after the run's first `<` is a filler; a run with no `<` is read as
/// fillers when it is at least 3 long (no name or number ends in three of them). A value ending in `K`
/// or `L` right before its fillers keeps that letter, unless every filler after it was misread too.
enum MRZFillerRuns {
    /// `line`: only the fields on that line.
    static func repair(_ zone: inout MRZWorkingZone, layout: MRZLayout, line: Int? = nil) {
        for spec in layout.fields where (spec.field == .names || spec.characterClass == .alphanumeric)
            && (line == nil || spec.span.line == line) {
            repair(&zone, span: spec.span)
        }
    }

    private static func repair(_ zone: inout MRZWorkingZone, span: MRZSpan) {
        // By code (`<`, `K`, `L`), as characters only where a code does not tell (the Kelvin sign is a K).
        func isFillerLike(_ column: Int) -> Bool {
            let code = zone.codes[span.line][column]
            guard MRZWorkingZone.needsCharacter(code) else { return code == 60 || code == 75 || code == 76 }
            let character = zone[span.line, column]
            return character == "<" || MRZCharacters.fillerLetters.contains(character)
        }
        func isFiller(_ column: Int) -> Bool {
            let code = zone.codes[span.line][column]
            return MRZWorkingZone.needsCharacter(code) ? zone[span.line, column] == "<" : code == 60
        }
        var start = span.columns.upperBound
        while start > span.columns.lowerBound, isFillerLike(start - 1) { start -= 1 }
        let run = start..<span.columns.upperBound
        guard !run.isEmpty else { return }
        let from: Int
        if let firstFiller = run.first(where: isFiller) {
            from = firstFiller
        } else if run.count >= 3 {
            from = run.lowerBound
        } else {
            return
        }
        for column in from..<run.upperBound where !isFiller(column) {
            zone.set(line: span.line, column: column, toCode: 60, basis: .filler)
        }
    }
}
