/// Reads one fitted zone: repairs it, reads its fields and scores how much it looks like a real zone.
enum MRZReader {
    struct Read {
        let result: MRZResult
        let score: Double
        /// Whether the zone is believable: a document code of the format, and check digits that mostly pass.
        let isPlausible: Bool
    }

    static func read(_ cells: [[MRZCell]], format: MRZFormat, asOf: CalendarDate) -> Read {
        let layout = MRZLayout.of(format)
        var zone = MRZWorkingZone(cells: cells)
        let (checks, _) = MRZRepairer(layout: layout).repair(&zone)
        let fields = MRZFieldReader.fields(of: zone, layout: layout)
        let value = { (field: MRZField) in fields.first { $0.field == field }?.value ?? "" }
        let lines = zone.lines.indices.map { index in
            MRZLine(text: String(zone.lines[index]), sourceOffsets: zone.offsets[index],
                    sourceRange: sourceRange(zone.offsets[index]))
        }
        let result = MRZResult(
            format: format, lines: lines, fields: fields, checks: checks,
            repairs: zone.repairs.sorted { ($0.line, $0.column) < ($1.line, $1.column) },
            birthDate: MRZFieldReader.date(value(.birthDate), isBirth: true, asOf: asOf),
            expiryDate: MRZFieldReader.date(value(.expiryDate), isBirth: false, asOf: asOf))

        let (score, plausible) = score(zone, checks: checks, format: format, asOf: asOf, value: value)
        return Read(result: result, score: score, isPlausible: plausible)
    }

    /// The score and plausibility ``read(_:format:asOf:)`` gives, without building fields and result: the
    /// search scores every distinct zone but reads only the best in full.
    static func score(_ cells: [[MRZCell]], format: MRZFormat, asOf: CalendarDate) -> (score: Double, isPlausible: Bool) {
        let layout = MRZLayout.of(format)
        var zone = MRZWorkingZone(cells: cells)
        let (checks, _) = MRZRepairer(layout: layout).repair(&zone)
        // The scored fields (states, dates, sex) are always read from their own span alone.
        let value = { (field: MRZField) in
            layout.fields.first { $0.field == field }.map { MRZFieldReader.value(of: String(zone.characters([$0.span]))) } ?? ""
        }
        return score(zone, checks: checks, format: format, asOf: asOf, value: value)
    }

    private static func score(_ zone: MRZWorkingZone, checks: [MRZCheck], format: MRZFormat, asOf: CalendarDate,
                              value: (MRZField) -> String) -> (score: Double, isPlausible: Bool) {
        let passed = checks.count { $0.status == .verified || $0.status == .repaired }
        let failed = checks.count { $0.status == .failed }
        let codeOK = format.documentCodeInitials.contains(zone[0, 0])
        let statesKnown = [value(.issuingState), value(.nationality)].count { CountryCodes.name(forCode: $0) != nil }
        var score = Double(4 * passed - 4 * failed + 2 * statesKnown)
        score += codeOK ? 2 : -8
        score += MRZFieldReader.date(value(.birthDate), isBirth: true, asOf: asOf) != nil ? 1 : 0
        score += MRZFieldReader.date(value(.expiryDate), isBirth: false, asOf: asOf) != nil ? 1 : 0
        score += ["M", "F", "X", ""].contains(value(.sex)) ? 1 : 0
        score -= 0.25 * Double(zone.repairs.count { $0.basis != .normalization })
        let plausible = codeOK && (passed >= 2 || (passed >= 1 && statesKnown == 2))
        return (score, plausible)
    }

    private static func sourceRange(_ offsets: [Int?]) -> Range<Int>? {
        let known = offsets.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return nil }
        return low..<high + 1
    }
}
