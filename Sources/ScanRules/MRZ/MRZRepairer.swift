/// Repairs OCR confusions in a zone and gives the verdict on every check digit.
///
/// Order of work: characters a position cannot hold are replaced by the one they are read for (a letter
/// in a date, a digit in a name); `K`/`L` in the filler run that ends a name become `<`; then, for each
/// check digit that fails, the smallest sets of plausible changes (`O↔0 I↔1 B↔8 S↔5 Z↔2 G↔6`, `L`→`<`)
/// inside the checked field are searched; a repair is accepted only when exactly one reading makes the
/// field's check digit and the composite check digit pass.
struct MRZRepairer {
    let layout: MRZLayout
    /// Most changes tried per check digit.
    static let maxChanges = 3
    static let maxCandidates = 24

    struct Outcome {
        var spec: MRZCheckSpec
        var passes: Bool
        var candidates: [[MRZChange]] = []
        var note: MRZRepairNote?
    }

    /// `memo`: the search's answers met so far (see ``MRZRepairMemo``).
    func repair(_ zone: inout MRZWorkingZone, memo: inout MRZRepairMemo) -> (checks: [MRZCheck], specs: [MRZCheckSpec]) {
        prepare(&zone)
        let (outcomes, composite, compositeNote, specs) = resolve(&zone, memo: &memo)
        var checks = outcomes.map { verdict($0.spec, zone, note: $0.note) }
        checks.append(verdict(composite, zone, note: compositeNote))
        return (checks, specs)
    }

    /// What ``repair(_:memo:)`` does to the zone, with only what a score needs of its verdicts: how many checks
    /// pass (verified or repaired) and how many fail. The search scores every distinct zone, and building
    /// each verdict (its texts and the repairs it covers) cost as much as the repair.
    /// `zone` must be prepared already (``prepare(_:line:)``, line by line as ``MRZRepairMemo`` does).
    func repairCounting(_ zone: inout MRZWorkingZone, memo: inout MRZRepairMemo) -> (passed: Int, failed: Int) {
        let (outcomes, composite, _, _) = resolve(&zone, memo: &memo)
        var passed = 0, failed = 0
        func count(_ spec: MRZCheckSpec) {
            guard !isAbsent(spec, zone) else { return }
            if passes(spec, zone) { passed += 1 } else { failed += 1 }
        }
        for outcome in outcomes { count(outcome.spec) }
        count(composite)
        return (passed, failed)
    }

    /// Repairs the prepared zone with its check digits; the outcome of each simple check, the composite with
    /// its note, and the checks used.
    private func resolve(_ zone: inout MRZWorkingZone, memo: inout MRZRepairMemo)
        -> (outcomes: [Outcome], composite: MRZCheckSpec, compositeNote: MRZRepairNote?, specs: [MRZCheckSpec]) {
        let specs = specs(of: zone)
        let simple = specs.filter { $0.name != .composite }
        let composite = specs.first { $0.name == .composite }!
        var outcomes = simple.map { spec -> Outcome in
            if passes(spec, zone) || isAbsent(spec, zone) { return Outcome(spec: spec, passes: true) }
            let answer = memo.answer(spec, zone, format: layout.format) {
                let found = search(spec, zone, units: units(for: [spec], zone))
                let likeliest = MRZRepairLikelihood.likeliest(found, spec: spec, zone: zone)
                return MRZRepairMemo.Answer(candidates: likeliest,
                                           note: likeliest.count < found.count ? .choseLikeliest(of: found.count) : nil)
            }
            return Outcome(spec: spec, passes: false, candidates: answer.candidates, note: answer.note)
        }
        let compositeNote = resolveComposite(composite, simple: &outcomes, zone: &zone)
        return (outcomes, composite, compositeNote, specs)
    }

    /// The checks of the zone: the layout's, with a TD1 long document number's check in place of the plain one.
    private func specs(of zone: MRZWorkingZone) -> [MRZCheckSpec] {
        var specs = layout.checks
        if let long = MRZLongDocumentNumber.checkSpec(in: zone, layout: layout) {
            specs[specs.firstIndex { $0.name == .documentNumber }!] = long
        }
        return specs
    }

    /// Of the checks whose digit stands on `line`, the most that can pass and the fewest that must fail once
    /// the zone is repaired, read off that line as prepared (the other lines may be empty), without searching:
    /// a simple check that does not pass as prepared can pass only when its digit is or can become a digit and
    /// its positions offer some change (``units(for:_:excluding:)``); the composite's digit is never changed.
    /// A check absent as prepared stays absent: no change reaches its positions.
    func checkBounds(_ zone: MRZWorkingZone, line: Int) -> (passed: Int, failed: Int) {
        let classes = layout.characterClasses()
        var passed = 0, failed = 0
        // A simple check's data and digit share a line; only line 0 can hold a long document number (TD1).
        for spec in line == 0 ? specs(of: zone) : layout.checks where spec.digit.line == line && !isAbsent(spec, zone) {
            let digit = printedCode(spec, zone)
            let isDigit = digit >= 48 && digit <= 57
            let mayPass: Bool
            if spec.name == .composite {
                mayPass = isDigit
            } else {
                let canBeDigit = isDigit || (classes[line][spec.digit.columns.lowerBound] == .alphanumeric && digit < 128
                                             && MRZCharacters.ambiguousByCode[Int(digit)].map(MRZCharacters.isDigit) == true)
                mayPass = passes(spec, zone) || (canBeDigit && offersChange(spec, zone))
            }
            if mayPass { passed += 1 } else { failed += 1 }
        }
        return (passed, failed)
    }

    /// Whether ``units(for:_:excluding:)`` finds any unit for `spec` alone, without building them: every unit
    /// holds a single change of an alphanumeric position (``alternative(_:line:column:)``), or a run of them.
    private func offersChange(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone) -> Bool {
        let classes = layout.characterClasses()
        func offers(_ span: MRZSpan) -> Bool {
            span.columns.contains { classes[span.line][$0] == .alphanumeric && Self.alternative(zone, line: span.line, column: $0) != nil }
        }
        return offers(spec.digit) || spec.data.contains(where: offers)
    }

    /// The other reading of an alphanumeric position a unit may try: its confusable twin (`O↔0`…), or `<` for `L`
    /// (K weighs 0 modulo 10 like <, so only L can be told apart).
    private static func alternative(_ zone: MRZWorkingZone, line: Int, column: Int) -> Character? {
        let code = zone.codes[line][column]
        if let other = code < 128 ? MRZCharacters.ambiguousByCode[Int(code)] : MRZCharacters.ambiguous[zone[line, column]] {
            return other
        }
        return code == 76 ? "<" : nil
    }

    /// The repairs made before any check digit is looked at: character classes, then filler runs. Those of
    /// a line read and change that line alone, so lines can be prepared one by one (`line`), in any order.
    func prepare(_ zone: inout MRZWorkingZone, line: Int? = nil) {
        applyCharacterClasses(&zone, line: line)
        MRZFillerRuns.repair(&zone, layout: layout, line: line)
    }

    // MARK: character classes

    private func applyCharacterClasses(_ zone: inout MRZWorkingZone, line only: Int? = nil) {
        // The tables fetched once, not for every position: this runs for every zone scored.
        let alpha = MRZCharacters.forcedRepairCodes(.alpha), numeric = MRZCharacters.forcedRepairCodes(.numeric)
        let sex = MRZCharacters.forcedRepairCodes(.sex)
        for (line, classes) in layout.characterClasses().enumerated() where only == nil || line == only {
            for (column, kind) in classes.enumerated() where kind != .alphanumeric {
                let code = zone.codes[line][column]
                if code < 128 {
                    let table = kind == .alpha ? alpha : (kind == .numeric ? numeric : sex)
                    let repaired = table[Int(code)]
                    if repaired != 0 { zone.set(line: line, column: column, toCode: repaired, basis: .characterClass) }
                } else if let repaired = MRZCharacters.forcedRepair(zone[line, column], kind: kind) {
                    zone.set(line: line, column: column, to: repaired, basis: .characterClass)
                }
            }
        }
    }

    // MARK: checking

    /// `ICAOCheckDigit.compute(zone.characters(spec.data))`, on the zone's codes.
    private func computed(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone) -> Int? {
        var sum = 0, weight = 7
        for span in spec.data {
            for column in span.columns {
                let value = MRZCharacters.checkValues[Int(zone.codes[span.line][column])]
                guard value >= 0 else { return nil }
                sum += Int(value) * weight
                weight = weight == 7 ? 3 : (weight == 3 ? 1 : 7)
            }
        }
        return sum % 10
    }

    private func printed(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone) -> Character {
        zone[spec.digit.line, spec.digit.columns.lowerBound]
    }

    private func printedCode(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone) -> UInt8 {
        zone.codes[spec.digit.line][spec.digit.columns.lowerBound]
    }

    private func passes(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone) -> Bool {
        guard let digit = computed(spec, zone) else { return false }
        let code = printedCode(spec, zone)
        return code >= 48 && code <= 57 && Int(code) - 48 == digit
    }

    private func isAbsent(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone) -> Bool {
        guard spec.fillerAllowed && printedCode(spec, zone) == 60 else { return false }
        for span in spec.data {
            for column in span.columns where zone.codes[span.line][column] != 60 { return false }
        }
        return true
    }

    private func passes(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone, with changes: [MRZChange]) -> Bool {
        var trial = zone
        for change in changes { trial.put(line: change.line, column: change.column, to: change.to) }
        return passes(spec, trial) || isAbsent(spec, trial)
    }

    // MARK: search

    /// Alternative readings inside the checked data: single confusable characters, and runs of `L`
    /// read as fillers all at once.
    func units(for specs: [MRZCheckSpec], _ zone: MRZWorkingZone, excluding excluded: Set<MRZSpan> = []) -> [[MRZChange]] {
        let classes = layout.characterClasses()
        var units: [[MRZChange]] = []
        // A unit changes positions of one span only, so units repeat only where spans overlap.
        var visited = [Bool](repeating: false, count: zone.codes.count * 64), revisited = false
        for spec in specs {
            for span in spec.data + [spec.digit] where !excluded.contains(span) {
                for column in span.columns {
                    revisited = revisited || visited[MRZCheckSum.key(span.line, column)]
                    visited[MRZCheckSum.key(span.line, column)] = true
                }
                var run: [MRZChange] = []
                var runLength = 0
                func closeRun() {
                    if run.count >= 2 { units.append(run) }
                    run = []
                    runLength = 0
                }
                for column in span.columns {
                    let code = zone.codes[span.line][column]
                    guard classes[span.line][column] == .alphanumeric else { closeRun(); continue }
                    if let other = Self.alternative(zone, line: span.line, column: column) {
                        units.append([MRZChange(line: span.line, column: column, to: other)])
                    }
                    if code == 76 {
                        run.append(MRZChange(line: span.line, column: column, to: "<"))
                        runLength += 1
                    } else if code == 60 {
                        runLength += 1
                    } else {
                        closeRun()
                    }
                }
                closeRun()
            }
        }
        guard revisited else { return units }
        var seen: Set<[MRZChange]> = []
        return units.filter { seen.insert($0).inserted }
    }

    /// The readings with the fewest changes that make `spec` pass (empty when none up to `maxChanges`).
    func search(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone, units: [[MRZChange]], base: [MRZChange] = [],
                maxChanges: Int = MRZRepairer.maxChanges) -> [[MRZChange]] {
        guard !units.isEmpty else { return [] }
        if base.isEmpty, let checkSum = MRZCheckSum(spec, zone) {
            let effects = units.map { checkSum.effect(of: $0, in: zone) }
            if effects.allSatisfy({ $0 != nil }) {
                return search(checkSum, units: units, effects: effects.map { $0! }, maxChanges: maxChanges)
            }
        }
        for size in 1...min(maxChanges, units.count) {
            var found: [[MRZChange]] = []
            forEachCombination(of: units.count, size: size) { indices in
                let changes = indices.flatMap { units[$0] }
                let positions = changes.map { [$0.line, $0.column] }
                guard Set(positions).count == positions.count else { return true }
                if passes(spec, zone, with: base + changes) { found.append(changes) }
                return found.count < MRZRepairer.maxCandidates
            }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// `search` with each combination tested by summing the units' effects on the check (same order,
    /// same readings, same limits).
    private func search(_ checkSum: MRZCheckSum, units: [[MRZChange]], effects: [MRZCheckSum.Effect],
                        maxChanges: Int) -> [[MRZChange]] {
        for size in 1...min(maxChanges, units.count) {
            var found: [[MRZChange]] = []
            forEachCombination(of: units.count, size: size) { indices in
                guard !overlap(indices, effects) else { return true }
                if checkSum.passes(with: indices.lazy.map { effects[$0] }) { found.append(indices.flatMap { units[$0] }) }
                return found.count < MRZRepairer.maxCandidates
            }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Whether two of the units at `indices` change the same position (such a combination is not a
    /// reading). By index, with no array built: this runs for every combination tried.
    private func overlap(_ indices: [Int], _ effects: [MRZCheckSum.Effect]) -> Bool {
        for (index, unit) in indices.enumerated() {
            for other in indices[(index + 1)...] where effects[unit].positions.contains(where: effects[other].positions.contains) {
                return true
            }
        }
        return false
    }

    private func forEachCombination(of count: Int, size: Int, _ body: ([Int]) -> Bool) {
        var indices = Array(0..<size)
        while true {
            if !body(indices) { return }
            var position = size - 1
            while position >= 0 && indices[position] == count - size + position { position -= 1 }
            if position < 0 { return }
            indices[position] += 1
            for next in position + 1..<size { indices[next] = indices[next - 1] + 1 }
        }
    }

    // MARK: composite

    /// Chooses among the field repairs with the composite check digit, and repairs data only the
    /// composite covers. Returns the composite's note.
    private func resolveComposite(_ composite: MRZCheckSpec, simple outcomes: inout [Outcome], zone: inout MRZWorkingZone) -> MRZRepairNote? {
        let failing = outcomes.indices.filter { !outcomes[$0].passes }
        let unrepairable = failing.filter { outcomes[$0].candidates.isEmpty }
        for index in unrepairable { outcomes[index].note = .unrepairable }
        let repairable = failing.filter { !outcomes[$0].candidates.isEmpty }
        var combinations: [[MRZChange]] = [[]]
        for index in repairable {
            combinations = combinations.flatMap { base in outcomes[index].candidates.map { base + $0 } }.prefix(256).map { $0 }
        }
        guard printed(composite, zone).isNumber else {
            // No composite to confirm with: only a single candidate per field is accepted.
            for index in repairable {
                if outcomes[index].candidates.count == 1 {
                    apply(outcomes[index].candidates[0], to: &zone)
                    outcomes[index].note = .confirmedByOwnDigitOnly
                } else {
                    outcomes[index].note = .ambiguous(count: outcomes[index].candidates.count)
                }
            }
            return .compositeNotADigit(printed(composite, zone))
        }
        var accepted = combinations.filter { passes(composite, zone, with: $0) }
        var note: MRZRepairNote?
        if accepted.isEmpty && repairable.isEmpty && unrepairable.isEmpty {
            // Data only the composite covers (TD1 and TD2 optional data) may hold the error. With every field
            // check passing, one change at most is tried: a mod-10 digit confirms little more.
            let covered = Set(outcomes.flatMap { $0.spec.data + [$0.spec.digit] })
            let compositeOnly = composite.data.flatMap { span in
                span.columns.filter { column in !covered.contains { $0.line == span.line && $0.columns.contains(column) } }
                    .map { MRZSpan(line: span.line, columns: $0..<$0 + 1) }
            }
            let extra = units(for: [MRZCheckSpec(name: .composite, data: compositeOnly, digit: composite.digit, fillerAllowed: false)],
                              zone, excluding: [composite.digit])
            accepted = search(composite, zone, units: extra, maxChanges: 1)
        }
        if accepted.count == 1 {
            apply(accepted[0], to: &zone)
        } else if accepted.count > 1 {
            note = .ambiguous(count: accepted.count)
        } else if !repairable.isEmpty {
            note = .fieldRepairsFailComposite
        }
        if accepted.count != 1 {
            for index in repairable where outcomes[index].candidates.count > 0 {
                outcomes[index].note = outcomes[index].candidates.count == 1
                    ? .failsComposite
                    : .ambiguous(count: outcomes[index].candidates.count)
            }
        }
        return note
    }

    private func apply(_ changes: [MRZChange], to zone: inout MRZWorkingZone) {
        for change in changes { zone.set(line: change.line, column: change.column, to: change.to, basis: .checkDigit) }
    }

    // MARK: verdicts

    private func verdict(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone, note: MRZRepairNote?) -> MRZCheck {
        let covered = spec.data + [spec.digit]
        let repairs = zone.repairs(in: covered)
        let printed = String(printed(spec, zone))
        let expected = computed(spec, zone).map(String.init)
        let status: MRZCheck.Status
        if isAbsent(spec, zone) {
            status = .absent
        } else if passes(spec, zone) {
            status = repairs.contains { $0.basis != .normalization } ? .repaired : .verified
        } else {
            status = .failed
        }
        return MRZCheck(name: spec.name, status: status, printed: printed, expected: expected, position: spec.digit,
                        covers: spec.data, repairs: repairs,
                        note: status == .failed ? (note?.text ?? "check digit does not match") : (status == .repaired ? note?.text : nil))
    }
}
