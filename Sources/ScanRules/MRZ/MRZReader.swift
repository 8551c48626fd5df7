/// Reads one fitted zone: repairs it, reads its fields and scores how much it looks like a real zone.
enum MRZReader {
    struct Read {
        let result: MRZResult
        let score: Double
        /// Whether the zone is believable: a document code of the format, and check digits that mostly pass.
        let isPlausible: Bool
    }

    /// `memo`: the repair search's answers met so far in this search (see ``MRZRepairMemo``).
    static func read(_ cells: [[MRZCell]], format: MRZFormat, asOf: CalendarDate, memo: inout MRZRepairMemo) -> Read {
        let layout = MRZLayout.of(format)
        var zone = MRZWorkingZone(cells: cells)
        let (checks, _) = MRZRepairer(layout: layout).repair(&zone, memo: &memo)
        let fields = MRZFieldReader.fields(of: zone, layout: layout)
        let value = { (field: MRZField) in fields.first { $0.field == field }?.value ?? "" }
        let lines = zone.codes.indices.map { index in
            MRZLine(text: zone.text([MRZSpan(line: index, columns: zone.codes[index].indices)]), sourceOffsets: zone.offsets[index],
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

    /// The terms of the score ``read(_:format:asOf:memo:)`` gives, without building fields and result: the
    /// search scores every distinct zone but reads only the best in full.
    /// The characters alone decide it (see ``MRZScoreMemo``).
    static func scoreParts(_ lines: [[Character]], codes: [[UInt8]], format: MRZFormat, asOf: CalendarDate,
                           memo: inout MRZRepairMemo) -> MRZScoreParts {
        var zone = MRZWorkingZone(lines: lines, codes: codes)
        MRZRepairer(layout: MRZLayout.of(format)).prepare(&zone)
        return parts(of: zone, format: format, asOf: asOf, group: .all, memo: &memo)
    }

    /// The line of `format` that no check digit covers (names, and in TD2/TD3 the document code and issuing
    /// state): what its repairs and fields add to the score depends on that line alone, and nothing on it
    /// changes the repair or the fields of the other lines.
    static func freeLine(_ format: MRZFormat) -> Int { format == .td1 ? 2 : 0 }

    /// The lines a part of the score comes from.
    enum LineGroup: Equatable {
        case all
        /// Every line but the free one: repaired in full.
        case checked
        /// The free line alone: only its own repairs are made.
        case free
        /// One line, as prepared (``MRZScoreBound``): no repair is made.
        case line(Int)
    }

    /// What the lines of `group` add to the score of a zone of bare characters, given with its lines
    /// prepared (``MRZRepairer/prepare(_:line:)``; only the lines of the group matter); the parts of
    /// `.checked` and `.free` add up to the parts of `.all`.
    /// `repairing: false` leaves the checks uncounted and the zone as prepared (``MRZScoreBound``).
    static func parts(of prepared: MRZWorkingZone, format: MRZFormat, asOf: CalendarDate, group: LineGroup,
                      repairing: Bool = true, memo: inout MRZRepairMemo) -> MRZScoreParts {
        let layout = MRZLayout.of(format)
        let free = freeLine(format)
        let inGroup: (Int) -> Bool
        switch group {
        case .all: inGroup = { _ in true }
        case .checked: inGroup = { $0 != free }
        case .free: inGroup = { $0 == free }
        case let .line(only): inGroup = { $0 == only }
        }
        var zone = prepared
        var parts = MRZScoreParts()
        if repairing, group == .all || group == .checked {
            (parts.passed, parts.failed) = MRZRepairer(layout: layout).repairCounting(&zone, memo: &memo)
        }
        // The scored fields (states, dates, sex) are always read from their own span alone.
        let spec = { (field: MRZField) in layout.fields.first { $0.field == field } }
        let value = { (spec: MRZFieldSpec) in MRZFieldReader.value(of: zone, span: spec.span) }
        if inGroup(0) { parts.codeOK = format.documentCodeInitials.contains(zone[0, 0]) ? 1 : 0 }
        for field in [MRZField.issuingState, .nationality] {
            if let spec = spec(field), inGroup(spec.span.line), CountryCodes.name(forCode: value(spec)) != nil { parts.statesKnown += 1 }
        }
        if let spec = spec(.birthDate), inGroup(spec.span.line),
           MRZFieldReader.date(value(spec), isBirth: true, asOf: asOf) != nil { parts.birth = 1 }
        if let spec = spec(.expiryDate), inGroup(spec.span.line),
           MRZFieldReader.date(value(spec), isBirth: false, asOf: asOf) != nil { parts.expiry = 1 }
        if let spec = spec(.sex), inGroup(spec.span.line), isSex(value(spec)) { parts.sex = 1 }
        parts.repairs = zone.repairs.count { $0.basis != .normalization && inGroup($0.line) }
        return parts
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
        score += isSex(value(.sex)) ? 1 : 0
        score -= 0.25 * Double(zone.repairs.count { $0.basis != .normalization })
        let plausible = codeOK && (passed >= 2 || (passed >= 1 && statesKnown == 2))
        return (score, plausible)
    }

    /// Whether a sex field's value is one ICAO allows (`<`, read as empty, for unspecified); compared one by
    /// one, with no set built for every zone scored.
    private static func isSex(_ value: String) -> Bool {
        value == "M" || value == "F" || value == "X" || value.isEmpty
    }

    private static func sourceRange(_ offsets: [Int?]) -> Range<Int>? {
        let known = offsets.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return nil }
        return low..<high + 1
    }
}

/// The terms of a read's score, by the lines they come from (see ``MRZReader/parts(of:format:asOf:group:memo:)``).
struct MRZScoreParts {
    var passed = 0, failed = 0, statesKnown = 0, codeOK = 0, birth = 0, expiry = 0, sex = 0, repairs = 0

    static func + (a: MRZScoreParts, b: MRZScoreParts) -> MRZScoreParts {
        MRZScoreParts(passed: a.passed + b.passed, failed: a.failed + b.failed, statesKnown: a.statesKnown + b.statesKnown,
                      codeOK: a.codeOK + b.codeOK, birth: a.birth + b.birth, expiry: a.expiry + b.expiry,
                      sex: a.sex + b.sex, repairs: a.repairs + b.repairs)
    }

    static func - (a: MRZScoreParts, b: MRZScoreParts) -> MRZScoreParts {
        MRZScoreParts(passed: a.passed - b.passed, failed: a.failed - b.failed, statesKnown: a.statesKnown - b.statesKnown,
                      codeOK: a.codeOK - b.codeOK, birth: a.birth - b.birth, expiry: a.expiry - b.expiry,
                      sex: a.sex - b.sex, repairs: a.repairs - b.repairs)
    }

    /// The score as ``MRZReader/read(_:format:asOf:memo:)`` computes it.
    var score: (score: Double, isPlausible: Bool) {
        let codeOK = self.codeOK > 0
        var score = Double(4 * passed - 4 * failed + 2 * statesKnown)
        score += codeOK ? 2 : -8
        score += birth > 0 ? 1 : 0
        score += expiry > 0 ? 1 : 0
        score += sex > 0 ? 1 : 0
        score -= 0.25 * Double(repairs)
        let plausible = codeOK && (passed >= 2 || (passed >= 1 && statesKnown == 2))
        return (score, plausible)
    }
}
