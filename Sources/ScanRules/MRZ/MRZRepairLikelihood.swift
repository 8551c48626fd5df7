/// Ranks readings that all make a check digit pass, so that one can be chosen deterministically.
///
/// A mod-10 check digit lets through about one wrong single change in ten, so several readings often pass.
/// Each change costs 1 when it makes the character like most of the field (a digit among digits, a letter
/// among letters, `<` that extends the fillers ending the field) and 2–3 otherwise; only the readings of
/// least total cost are kept. The composite check digit then has to accept exactly one of them.
enum MRZRepairLikelihood {
    static func likeliest(_ candidates: [[MRZChange]], spec: MRZCheckSpec, zone: MRZWorkingZone) -> [[MRZChange]] {
        guard candidates.count > 1 else { return candidates }
        let costs = candidates.map { cost($0, spec: spec, zone: zone) }
        let least = costs.min()!
        return zip(candidates, costs).filter { $0.1 == least }.map(\.0)
    }

    static func cost(_ changes: [MRZChange], spec: MRZCheckSpec, zone: MRZWorkingZone) -> Int {
        var trial = zone
        for change in changes { trial.put(line: change.line, column: change.column, to: change.to) }
        return changes.reduce(0) { total, change in
            guard let span = spec.data.first(where: { $0.line == change.line && $0.columns.contains(change.column) }) else {
                return total + 2
            }
            let others = span.columns.filter { $0 != change.column }.map { zone[span.line, $0] }
            let digits = others.count(where: MRZCharacters.isDigit), letters = others.count(where: MRZCharacters.isLetter)
            if change.to == "<" {
                let after = (change.column + 1..<span.columns.upperBound).map { trial[span.line, $0] }
                return total + (after.allSatisfy { $0 == "<" } ? 1 : 3)
            }
            if MRZCharacters.isDigit(change.to) { return total + (digits >= letters ? 1 : 2) }
            return total + (letters > digits ? 1 : 2)
        }
    }
}
