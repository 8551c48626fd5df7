/// The state of one rule running over one document: labels found, fields found so far (later fields
/// build on earlier ones), and the machine-readable zone when the rule reads one.
struct ExtractionRun {
    let engine: RuleEngine
    let document: OCRDocument
    let rule: CompiledRule
    let asOf: CalendarDate
    private let locator: FieldLocator
    /// The hits of each of the rule's anchor labels and numbered labels, in the rule's order.
    private let labelHits: [[LabelHit]]
    private let numberedHits: [[LabelHit]]
    private let mrz: MRZResult?
    private(set) var found: [String: ExtractedField] = [:]
    /// Where each value other fields are anchored to sits, once found, in the order of the rule's
    /// ``CompiledRule/anchorFields``: a short list, searched by comparing names rather than hashing them.
    private var valueHits: [LabelHit?]
    /// Fields not found whose label the document shows over an empty slot: printed blank, not lost.
    private(set) var blank: Set<String> = []

    init(engine: RuleEngine, document: OCRDocument, rule: CompiledRule, matcher: LabelMatcher, asOf: CalendarDate) {
        self.engine = engine
        self.document = document
        self.rule = rule
        self.asOf = asOf
        labelHits = rule.anchorLabels.map { matcher.find($0) }
        // Labels after their box number, spelled more loosely (see `NumberedLabel`).
        numberedHits = rule.numberedLabels.map { $0.find(in: matcher) }
        found.reserveCapacity(rule.fields.count)
        valueHits = Array(repeating: nil, count: rule.anchorFields.count)
        var labelWords = [Bool](repeating: false, count: document.words.count)
        for hit in [labelHits, numberedHits].joined().joined() {
            for word in hit.words { labelWords[word] = true }
        }
        locator = FieldLocator(document: document, regions: ValueRegion(words: document.words, labelWords: labelWords, pageCount: document.pages.count), asOf: asOf)
        mrz = rule.fields.contains { $0.mrz != nil } ? MRZ.find(in: document.text, asOf: asOf) : nil
    }

    /// Finds, cross-checks and checks one field, or derives it.
    mutating func extract(_ field: FieldRule) throws(ExtractionError) {
        switch field.source {
        case let .text(locators):
            var reading = try read(field, locators)
            if let source = field.mrz { reading = crossChecked(field, visual: reading.take(), source: source) }
            // Taken out of the optional, not copied: a field is a large value with many references.
            guard var value = reading.take() else {
                // A digit computed from its number is never checked against it: it would pass by construction.
                if field.computesCheckDigit {
                    if let computed = ComputedCheckDigit.value(of: field, found: found) { found[field.name] = computed }
                } else if isBlank(locators.first) {
                    blank.insert(field.name)
                }
                return
            }
            if let slot = rule.anchorFields.firstIndex(of: field.name), let words = value.location.map({ wordsIn($0.segments) }) {
                valueHits[slot] = LabelHit(words: words, in: document)
            }
            value.validation = validation(field, value)
            if value.validation?.status == .invalid { value.confidence *= RuleEngine.failedCheckFactor }
            found[field.name] = value
        case let .derived(derivation):
            if let value = engine.derive(field.name, derivation, from: found, blank: blank, asOf: asOf) { found[field.name] = value }
        }
    }

    /// The first value one of the field's locators finds in the text.
    private func read(_ field: FieldRule, _ locators: [TextLocator]) throws(ExtractionError) -> ExtractedField? {
        for textLocator in locators {
            var hits: [LabelHit] = []
            switch textLocator.anchor {
            // Only an anchor on labels has label slots (see `CompiledRule`).
            case let anchor? where !anchor.labelSlots.isEmpty:
                var found: [LabelHit] = []
                // The hits of the only label found are used as they are, not copied; those of several are
                // gathered into one list made at its full size, not grown append by append.
                let total = anchor.labelSlots.reduce(0) { $0 + labelHits[$1].count }
                    + anchor.numberedSlots.reduce(0) { $0 + numberedHits[$1].count }
                for slot in anchor.labelSlots where !labelHits[slot].isEmpty {
                    if labelHits[slot].count == total {
                        found = labelHits[slot]
                        break
                    }
                    if found.isEmpty { found.reserveCapacity(total) }
                    found.append(contentsOf: labelHits[slot])
                }
                let spelled = found.count
                // A numbered hit where a label was found already adds nothing.
                for slot in anchor.numberedSlots {
                    for hit in numberedHits[slot]
                    where !found[..<spelled].contains(where: { $0.page == hit.page && $0.words.overlaps(hit.words) }) {
                        found.append(hit)
                    }
                }
                if found.count > 1 {
                    found.sort { $0.score != $1.score ? $0.score > $1.score : $0.words.lowerBound < $1.words.lowerBound }
                }
                hits = found
            case let anchor?:
                if case let .field(name) = anchor.target, let slot = rule.anchorFields.firstIndex(of: name),
                   let hit = valueHits[slot] { hits = [hit] }
            case nil: break
            }
            do {
                if let candidate = try locator.locate(field, textLocator, hits: hits, found: found) {
                    return engine.makeField(field.name, candidate, trust: textLocator.trust, in: document)
                }
            } catch {
                throw .pattern(type: rule.code, field: field.name, error)
            }
        }
        return nil
    }

    /// Whether the primary locator's label is on the document, every copy of it over an empty slot
    /// (only a value looked for below a label has a slot to be seen empty).
    private func isBlank(_ primary: TextLocator?) -> Bool {
        guard let anchor = primary?.anchor, case .labels = anchor.target, anchor.directions.contains(.below) else { return false }
        let hits = anchor.labelSlots.flatMap { labelHits[$0] }
        return !hits.isEmpty && hits.allSatisfy { locator.regions.isBlank(below: $0, tolerance: anchor.tolerance) }
    }

    /// Combines the visual reading with the MRZ's: agreement raises confidence; a disagreement is
    /// settled for the MRZ only when a check digit vouches for its value; a field only the MRZ holds is
    /// taken from it.
    private func crossChecked(_ field: FieldRule, visual: ExtractedField?, source: MRZSource) -> ExtractedField? {
        guard let mrz, let read = machineReadable(field, source, mrz) else {
            guard var visual else { return nil }
            visual.crossCheck = CrossCheck(status: .notPerformed, visual: visual.value, machineReadable: nil, corrected: false)
            return visual
        }
        let trust = source.trust(in: mrz)
        var machine = engine.locatedField(field.name, value: read.value, date: read.date, segments: read.segments,
                                          words: wordsIn(read.segments), factor: trust.factor, origin: .machineReadableZone, in: document)
        let status = CrossCheck.compare(visual: visual, machineReadable: machine)
        switch (visual, status) {
        case (nil, _):
            machine.crossCheck = CrossCheck(status: .notPerformed, visual: nil, machineReadable: read.value, corrected: false)
            return machine
        case (var visual?, .match):
            // Two independent readings agree: halve the doubt, or quarter it when a check digit vouches.
            visual.confidence = 1 - (1 - visual.confidence) * (trust.overrulesVisual ? 0.25 : 0.5)
            visual.crossCheck = CrossCheck(status: .match, visual: visual.value, machineReadable: read.value, corrected: false)
            return visual
        case (var visual?, _):
            // One reading is the other cut short at a word (a name squeezed out of a card, an MRZ name
            // cut at the zone's width): the longer one is the whole value.
            if CrossCheck.isWordPrefix(visual.value, of: read.value) {
                machine.crossCheck = CrossCheck(status: .match, visual: visual.value, machineReadable: read.value, corrected: true)
                return machine
            }
            if CrossCheck.isWordPrefix(read.value, of: visual.value) {
                visual.crossCheck = CrossCheck(status: .match, visual: visual.value, machineReadable: read.value, corrected: false)
                return visual
            }
            if trust.overrulesVisual {
                machine.crossCheck = CrossCheck(status: .mismatch, visual: visual.value, machineReadable: read.value, corrected: true)
                return machine
            }
            visual.confidence *= RuleEngine.mismatchFactor
            visual.crossCheck = CrossCheck(status: status, visual: visual.value, machineReadable: read.value, corrected: false)
            return visual
        }
    }

    /// The MRZ's value for a field, through the field's value map and shape validators like a visual
    /// value: a value the field could not hold (a name cut short, a code the map does not know) is not used.
    private func machineReadable(_ field: FieldRule, _ source: MRZSource, _ mrz: MRZResult)
        -> (value: String, date: CalendarDate?, segments: [Range<Int>])? {
        guard var read = source.read(from: mrz) else { return nil }
        if !field.valueMap.isEmpty, let meaning = field.valueMap[Normalizer.mapKey(read.value)] { read.value = meaning }
        let result = Normalizer.Result(value: read.value, date: read.date, repairs: 0)
        return field.validators.allSatisfy({ $0.accepts(result, asOf: asOf) }) ? read : nil
    }

    /// The field's shape validators (which its value passed to be kept) and its checks.
    private func validation(_ field: FieldRule, _ value: ExtractedField) -> FieldValidation? {
        let result = Normalizer.Result(value: value.value, date: value.date, repairs: 0)
        // Every value kept has passed the shape validators already (a failing candidate is never kept).
        // One list, made at its size: this runs for every field found.
        var outcomes: [CheckOutcome] = []
        outcomes.reserveCapacity(field.validators.count + field.checks.count)
        for validator in field.validators { outcomes.append(CheckOutcome(name: validator.name, passed: true, reason: nil)) }
        for check in field.checks {
            if let outcome = check.run(result, found: found) { outcomes.append(outcome) }
        }
        return FieldValidation(checks: outcomes)
    }

    private func wordsIn(_ segments: [Range<Int>]) -> [Int] {
        segments.flatMap { CandidateText.words(overlapping: $0, in: document.words) }
    }

    /// The extraction: fields sorted by name, confidences scaled by how well the type matched, status.
    func finish(detected: TypeGuess?, factor: Double) -> Extraction {
        // A back side given but unreadable is not a missing side: its fields are then missing instead.
        // `keys.contains` looks a name up without copying the field out; the loop copies no field rule.
        let requiresBackSide = !rule.backSide.isEmpty && document.pages.count < 2 && rule.backSide.allSatisfy { !found.keys.contains($0) }
        var missing: [String] = []
        for index in rule.fields.indices where rule.fields[index].required && !found.keys.contains(rule.fields[index].name) {
            missing.append(rule.fields[index].name)
        }
        // Each field copied out once, scaled in place; names are the dictionary's keys, so the order is
        // the one sorting the keys gives.
        var fields: [ExtractedField] = []
        fields.reserveCapacity(found.count)
        var failedChecks = mrz.map { !$0.isValid } ?? false
        for (name, field) in found {
            if field.validation?.status == .invalid { failedChecks = true }
            guard name != "country" else { continue }
            fields.append(field)
            fields[fields.count - 1].confidence *= factor
        }
        fields.sort { $0.name < $1.name }
        return Extraction(documentType: rule.code, typeScore: detected?.score, category: rule.category,
                          country: found["country"]?.value ?? rule.country, fields: fields, asOf: asOf,
                          requiresBackSide: requiresBackSide, missingRequired: missing, machineReadableZone: mrz,
                          status: Extraction.status(expiry: found["expireDate"]?.date, asOf: asOf, missingRequired: missing,
                                                    requiresBackSide: requiresBackSide, failedChecks: failedChecks))
    }
}
