/// The best score a zone could reach once repaired, summed line by line from its lines as prepared, without
/// the repair search.
///
/// Most fittings the search tries are ordinary upper-case text or a zone cut in the wrong places: their dates
/// fail, their digits are letters, and the bound already shows they cannot be plausible or cannot beat the
/// best zone so far, so neither the zone nor its repair is worked out. Every term but the checks is exact
/// (the repair changes only alphanumeric positions, never codes, states, dates or sex, and never undoes a
/// change made in preparing); the checks count as passing whenever they might. Each term rests on one line
/// (a check on its digit's line), so a line's part is worked out once however many zones it is fitted into.
enum MRZScoreBound {
    /// What `line` adds at most to the score of a zone of `format`; `prepared` holds that line prepared
    /// (``MRZRepairer/prepare(_:line:)``), the others may be empty.
    static func lineParts(of prepared: MRZWorkingZone, line: Int, format: MRZFormat, asOf: CalendarDate,
                          memo: inout MRZRepairMemo) -> MRZScoreParts {
        var parts = MRZReader.parts(of: prepared, format: format, asOf: asOf, group: .line(line), repairing: false, memo: &memo)
        (parts.passed, parts.failed) = MRZRepairer(layout: MRZLayout.of(format)).checkBounds(prepared, line: line)
        return parts
    }

    /// The most a line of `format` can add to a score: every check whose digit it holds passing, every field
    /// on it read, no repair.
    static func ceiling(line: Int, format: MRZFormat) -> MRZScoreParts {
        let layout = MRZLayout.of(format)
        var parts = MRZScoreParts()
        parts.codeOK = line == 0 ? 1 : 0
        parts.passed = layout.checks.count { $0.digit.line == line }
        for spec in layout.fields where spec.span.line == line {
            switch spec.field {
            case .issuingState, .nationality: parts.statesKnown += 1
            case .birthDate: parts.birth = 1
            case .expiryDate: parts.expiry = 1
            case .sex: parts.sex = 1
            default: break
            }
        }
        return parts
    }
}
