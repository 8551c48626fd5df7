/// A looser bound than ``MRZScoreBound/lineParts(of:line:format:asOf:memo:)``, read straight off a line's
/// codes without preparing it: ordinary upper-case text fitted into zone lines (a card with no zone) fails
/// it at once, and preparing and bounding each such line in full cost most of the search on those cards.
///
/// Every term is at least the exact bound's: it starts from the line's ceiling and drops only what the
/// prepared line cannot hold. Preparing maps each position by its class (``MRZCharacters/forcedRepairCodes(_:)``)
/// and then may turn positions of name and alphanumeric fields into fillers (``MRZFillerRuns``), so a
/// position is read as its class-mapped code, or also as `<` where a filler run may reach.
struct MRZQuickBound {
    /// What the bound reads on one line of one format, worked out once.
    private let ceiling: MRZScoreParts
    /// Each position's code once its class is applied (0 where it stays), by code below 128.
    private let tables: [[UInt8]]
    /// Whether a filler run may make the position `<`.
    private let fillerRun: [Bool]
    private let dates: [(field: MRZField, columns: Range<Int>)]
    private let states: [Range<Int>]
    /// The checks whose digit stands here (`MRZRepairer.checkBounds`): the digit's column; for a simple
    /// check, its data columns and those of its positions that are alphanumeric (where a change may be
    /// offered); whether a long document number may move it (`MRZLongDocumentNumber`: `<` in its place).
    private let checks: [(digit: Int, data: [Int]?, open: [Int], mayMove: Bool)]

    /// The bound of `cells` as line `line` of `format`, or `nil` when they are not plain ASCII. `rejects`
    /// tells whether a bound is low enough for the caller: the country look-up, the dearest term, is made
    /// only when the others leave the line in play.
    static func parts(_ cells: [MRZCell], line: Int, format: MRZFormat, rejects: (MRZScoreParts) -> Bool) -> MRZScoreParts? {
        guard cells.allSatisfy({ $0.code < 128 && $0.code != 10 }) else { return nil }
        let plan: MRZQuickBound
        switch format {
        case .td1: plan = td1[line]
        case .td2: plan = td2[line]
        case .td3: plan = td3[line]
        }
        return plan.parts(cells, rejects: rejects)
    }

    private func parts(_ cells: [MRZCell], rejects: (MRZScoreParts) -> Bool) -> MRZScoreParts {
        func prepared(_ column: Int) -> UInt8 {
            let code = cells[column].code
            let repaired = tables[column][Int(code)]
            return repaired == 0 ? code : repaired
        }
        func mayBeDigit(_ column: Int) -> Bool {
            let code = prepared(column)
            return code >= 48 && code <= 57
        }
        func offersChange(_ code: UInt8) -> Bool { MRZCharacters.ambiguousByCode[Int(code)] != nil || code == 76 }
        var parts = ceiling
        for (field, columns) in dates where !columns.allSatisfy(mayBeDigit) {
            if field == .birthDate { parts.birth = 0 } else { parts.expiry = 0 }
        }
        // A check may pass only with a digit in its place. A simple check none of whose alphanumeric
        // positions offers a change (no confusable twin, no `L`) passes exactly when its sum matches: the
        // filler runs then only turn `K` into `<`, which weigh alike modulo 10.
        for (digit, data, open, mayMove) in checks {
            if mayMove && prepared(digit) == 60 { continue }
            guard mayBeDigit(digit) else { parts.passed -= 1; continue }
            guard let data, !open.contains(where: { offersChange(cells[$0].code) }) else { continue }
            var sum = 0, weight = 7, valid = true
            for column in data {
                let value = MRZCharacters.checkValues[Int(prepared(column))]
                guard value >= 0 else { valid = false; break }
                sum += Int(value) * weight
                weight = weight == 7 ? 3 : (weight == 3 ? 1 : 7)
            }
            if !valid || Int(prepared(digit)) - 48 != sum % 10 { parts.passed -= 1 }
        }
        // A state reads exactly as scoring reads it (no layout puts one in a filler run's reach).
        for columns in states {
            if rejects(parts) { return parts }
            let raw = String(decoding: columns.map(prepared), as: UTF8.self)
            if CountryCodes.name(forCode: MRZFieldReader.value(of: raw)) == nil { parts.statesKnown -= 1 }
        }
        return parts
    }

    private init(format: MRZFormat, line: Int) {
        let layout = MRZLayout.of(format)
        let classes = layout.characterClasses()[line]
        ceiling = MRZScoreBound.ceiling(line: line, format: format)
        tables = classes.map { $0 == .alphanumeric ? Array(repeating: 0, count: 128) : MRZCharacters.forcedRepairCodes($0) }
        var fillerRun = Array(repeating: false, count: format.lineLength)
        for spec in layout.fields where spec.span.line == line && (spec.field == .names || spec.characterClass == .alphanumeric) {
            for column in spec.span.columns { fillerRun[column] = true }
        }
        self.fillerRun = fillerRun
        dates = layout.fields.filter { $0.span.line == line && ($0.field == .birthDate || $0.field == .expiryDate) }
            .map { ($0.field, $0.span.columns) }
        states = layout.fields.filter { $0.span.line == line && ($0.field == .issuingState || $0.field == .nationality) }
            .map(\.span.columns)
        let touched = (dates.map(\.columns) + states).contains { $0.contains { fillerRun[$0] } }
        precondition(!touched, "no filler run reaches a date or a state")
        checks = layout.checks.filter { $0.digit.line == line }.map { spec in
            let digit = spec.digit.columns.lowerBound
            precondition(!fillerRun[digit] && classes[digit] == .numeric, "a check digit is numeric, out of a filler run's reach")
            let data = spec.data.flatMap { span in span.columns.map { (span.line, $0) } }
            let isSimple = spec.name != .composite && data.allSatisfy { $0.0 == line }
            precondition(!isSimple || data.allSatisfy { !fillerRun[$0.1] || classes[$0.1] == .alphanumeric },
                         "filler runs reach only alphanumeric positions of a simple check")
            return (digit, isSimple ? data.map(\.1) : nil, isSimple ? data.map(\.1).filter { classes[$0] == .alphanumeric } : [],
                    format == .td1 && spec.name == .documentNumber)
        }
    }

    private static let td1 = (0..<3).map { MRZQuickBound(format: .td1, line: $0) }
    private static let td2 = (0..<2).map { MRZQuickBound(format: .td2, line: $0) }
    private static let td3 = (0..<2).map { MRZQuickBound(format: .td3, line: $0) }
}

extension MRZQuickBound {
    /// Whether `quick` is at least `exact` in every term (for assertions).
    static func bounds(_ exact: MRZScoreParts, quick: MRZScoreParts) -> Bool {
        quick.passed >= exact.passed && quick.failed <= exact.failed && quick.statesKnown >= exact.statesKnown
            && quick.codeOK >= exact.codeOK && quick.birth >= exact.birth && quick.expiry >= exact.expiry
            && quick.sex >= exact.sex && quick.repairs <= exact.repairs
    }
}
