import Yams

/// Compiles one YAML rule file into a ``CompiledRule``, refusing anything it does not understand with
/// the file, line and column of the offending node and what is expected there.
struct RuleCompiler {
    static let categories = ["ID", "TAX", "PASSPORT", "UTILITY_BILL", "DRIVER_LICENSE"]
    static let topKeys = ["code", "name", "description", "country", "category", "detect", "backSide", "fields"]
    static let fieldKeys = ["anchor", "pattern", "caseless", "fallback", "normalize", "validate", "required", "mrz",
                                    "map", "pick", "derive", "from", "optional", "optionalWhenBlank", "male", "female", "value", "repair", "compute"]
    static let repairKeys = ["find", "replace"]
    static let anchorKeys = ["labels", "field", "where", "maxDistance", "tolerance", "lines", "separator", "rows", "number"]
    static let fallbackKeys = ["anchor", "pattern", "caseless", "pick"]
    /// Confidence kept by a value found by a fallback rather than the primary locator.
    static let fallbackTrust = 0.8
    static let validateKeys = ["pattern", "date", "maxYears", "minYear", "maxYearsAhead", "minLength", "maxLength",
                                       "checkDigit", "body", "after", "validForYears"]

    let reader: YAMLReader

    init(file: String) {
        reader = YAMLReader(file: file)
    }

    func compile(_ text: String) throws(RuleFileError) -> CompiledRule {
        let root = try reader.parse(text)
        let top = try reader.mapping(root, "the rule file", allowed: RuleCompiler.topKeys)
        guard let codeNode = top["code"] else { throw reader.error(root, "missing 'code': the document type code, e.g. CCVE") }
        let code = try reader.string(codeNode, "'code'")
        guard let categoryNode = top["category"] else {
            throw reader.error(root, "missing 'category'; expected one of: \(RuleCompiler.categories.joined(separator: ", "))")
        }
        let category = try reader.string(categoryNode, "'category'")
        guard RuleCompiler.categories.contains(category) else {
            throw reader.error(categoryNode, "unknown category '\(category)'; expected one of: \(RuleCompiler.categories.joined(separator: ", "))")
        }
        var keywords: [FoldedLabel] = []
        if let detect = top["detect"] {
            let entries = try reader.mapping(detect, "'detect'", allowed: ["keywords"])
            if let list = entries["keywords"] { keywords = try foldedLabels(list, "'keywords'") }
        }
        guard let fieldsNode = top["fields"] else { throw reader.error(root, "missing 'fields': a mapping of field names to how each is found") }
        let entries = try reader.namedEntries(fieldsNode, "'fields'")
        var fields: [FieldRule] = []
        for entry in entries {
            fields.append(try field(entry.name, entry.value))
        }
        try checkDerivationSources(fields, entries)
        var backSide: [String] = []
        if let backNode = top["backSide"] {
            backSide = try reader.strings(backNode, "'backSide'")
            if let unknown = backSide.first(where: { name in !fields.contains { $0.name == name } }) {
                throw reader.error(backNode, "'backSide' names '\(unknown)', which is not a field of this rule")
            }
        }
        return CompiledRule(
            code: code, name: try top["name"].map { node throws(RuleFileError) in try reader.string(node, "'name'") } ?? code,
            country: try top["country"].map { node throws(RuleFileError) in try reader.string(node, "'country'") },
            category: category, keywords: keywords, fields: fields, backSide: backSide, source: reader.file)
    }

    private func field(_ name: String, _ node: Node) throws(RuleFileError) -> FieldRule {
        let what = "field '\(name)'"
        let keys = try reader.mapping(node, what, allowed: RuleCompiler.fieldKeys)
        let normalizer = try keys["normalize"].map { node throws(RuleFileError) in try self.normalizer(node, what) } ?? .text
        let validators = try keys["validate"].map { node throws(RuleFileError) in try self.validators(node, what) } ?? []
        let checks = try keys["validate"].map { node throws(RuleFileError) in try self.checks(node, what) } ?? []
        let required = try keys["required"].map { node throws(RuleFileError) in try reader.bool(node, "'required'") } ?? false
        var valueMap: [String: String] = [:]
        if let mapNode = keys["map"] {
            for entry in try reader.namedEntries(mapNode, "'map' of \(what)") {
                valueMap[Normalizer.mapKey(entry.name)] = try reader.string(entry.value, "the value '\(entry.name)' maps to")
            }
        }
        var mrz: MRZSource?
        if let mrzNode = keys["mrz"] {
            let name = try reader.string(mrzNode, "'mrz'")
            guard let source = MRZSource(name: name) else {
                throw reader.error(mrzNode, "unknown MRZ part '\(name)' for \(what); expected one of: \(MRZSource.names.joined(separator: ", "))")
            }
            mrz = source
        }
        if let deriveNode = keys["derive"] {
            for key in ["anchor", "pattern", "compute"] where keys[key] != nil {
                throw reader.error(keys[key], "\(what) is derived ('derive'), so it cannot also have '\(key)'")
            }
            return FieldRule(name: name, source: .derived(try derivation(deriveNode, keys, what)),
                             normalizer: normalizer, validators: validators, checks: checks, mrz: mrz, valueMap: valueMap, required: required)
        }
        for key in ["from", "optional", "optionalWhenBlank", "male", "female", "value"] where keys[key] != nil {
            throw reader.error(keys[key], "'\(key)' belongs to derived fields; add 'derive' or remove it")
        }
        // A field read only from the machine-readable zone needs no pattern.
        if mrz != nil, keys["pattern"] == nil, keys["anchor"] == nil, keys["fallback"] == nil {
            return FieldRule(name: name, source: .text([]), normalizer: normalizer, validators: validators,
                             checks: checks, mrz: mrz, valueMap: valueMap, required: required)
        }
        var locators = [try locator(keys, node, what, normalizer: normalizer, defaultPattern: nil, trust: 1)]
        if let fallbacks = keys["fallback"] {
            let items: [Node]
            if case let .sequence(sequence) = fallbacks { items = Array(sequence) } else { items = [fallbacks] }
            for item in items {
                let fallbackKeys = try reader.mapping(item, "a fallback of \(what)", allowed: RuleCompiler.fallbackKeys)
                locators.append(try locator(fallbackKeys, item, "a fallback of \(what)", normalizer: normalizer,
                                            defaultPattern: locators[0].pattern, trust: RuleCompiler.fallbackTrust))
            }
        }
        let repairs = try keys["repair"].map { node throws(RuleFileError) in try self.repairs(node, what) } ?? []
        var computesCheckDigit = false
        if let computeNode = keys["compute"] {
            guard try reader.string(computeNode, "'compute'") == "checkDigit" else {
                throw reader.error(computeNode, "'compute' of \(what) can only be checkDigit (the digit computed from the number it checks when it is not read)")
            }
            guard checks.contains(where: { if case .checkDigit(_, _?) = $0 { return true } else { return false } }) else {
                throw reader.error(computeNode, "'compute: checkDigit' needs 'validate: {checkDigit: KIND, body: FIELD}': the algorithm and the number the digit is computed from")
            }
            computesCheckDigit = true
        }
        return FieldRule(name: name, source: .text(locators), normalizer: normalizer, validators: validators, checks: checks, mrz: mrz,
                         valueMap: valueMap, required: required, repairs: repairs, computesCheckDigit: computesCheckDigit)
    }

    /// `repair: [{find: PATTERN, replace: TEMPLATE}, ...]`: substitutions for values failing the shape checks.
    private func repairs(_ node: Node, _ what: String) throws(RuleFileError) -> [ValueRepair] {
        guard case let .sequence(sequence) = node else {
            throw reader.error(node, "'repair' of \(what) is a list of {find: PATTERN, replace: TEXT or [TEXT, ...]}")
        }
        var repairs: [ValueRepair] = []
        for item in sequence {
            let keys = try reader.mapping(item, "a repair of \(what)", allowed: RuleCompiler.repairKeys)
            guard let findNode = keys["find"], let replaceNode = keys["replace"] else {
                throw reader.error(item, "a repair of \(what) needs 'find' (a pattern) and 'replace' (its replacement, $1 for a group)")
            }
            // One replacement, or a list of them for the field's checks to choose from.
            let replacements = replaceNode.scalar != nil ? [try reader.string(replaceNode, "'replace'")]
                : try reader.strings(replaceNode, "'replace'")
            repairs.append(ValueRepair(find: try compilePattern(findNode, "a repair of \(what)", caseless: false),
                                       replacements: replacements))
        }
        return repairs
    }

    /// A locator from `anchor`/`pattern`/`caseless` keys; a date field without a pattern searches its formats.
    private func locator(_ keys: [String: Node], _ node: Node, _ what: String, normalizer: Normalizer,
                         defaultPattern: Regex?, trust: Double) throws(RuleFileError) -> TextLocator {
        let caseless = try keys["caseless"].map { node throws(RuleFileError) in try reader.bool(node, "'caseless'") } ?? false
        let pattern: Regex
        if let patternNode = keys["pattern"] {
            pattern = try compilePattern(patternNode, what, caseless: caseless)
        } else if let defaultPattern {
            pattern = defaultPattern
        } else if case let .date(formats, _) = normalizer {
            let alternatives = formats.map { "(?<value>\($0.searchPattern))" }.joined(separator: "|")
            do { pattern = try Regex("(?J)" + alternatives, caseless: true) } catch {
                throw reader.error(keys["normalize"] ?? node, "\(what): the date formats do not combine into a pattern: \(error)")
            }
        } else if case let .dateRange(formats, _) = normalizer {
            // Two dates of the formats, a few characters apart (`01/08/2025 - 31/08/2025`, `Del … al …`).
            let date = "(?:" + formats.map(\.searchPattern).joined(separator: "|") + ")"
            let alternatives = "(?<value>\(date)[^\\n\\d]{1,12}\(date))"
            do { pattern = try Regex("(?J)" + alternatives, caseless: true) } catch {
                throw reader.error(keys["normalize"] ?? node, "\(what): the date formats do not combine into a pattern: \(error)")
            }
        } else {
            throw reader.error(node, "\(what) needs 'pattern' (what its value looks like, PCRE2) or 'derive'")
        }
        let anchor = try keys["anchor"].map { node throws(RuleFileError) in try self.anchor(node, what) }
        let pick: TextLocator.Pick = try keys["pick"].map { node throws(RuleFileError) in
            try reader.choice(node, "'pick'", expected: "first (the first valid match), latest (the latest date) or all (every match, joined by ', ')")
        } ?? .first
        return TextLocator(anchor: anchor, pattern: pattern, trust: trust, pick: pick)
    }

    private func compilePattern(_ node: Node, _ what: String, caseless: Bool,
                                wrap: (String, String) = ("", "")) throws(RuleFileError) -> Regex {
        let text = try reader.string(node, "\(what) 'pattern'")
        do {
            // A wrapped pattern compiles as written first, so an error's offset points into what was written.
            if !wrap.0.isEmpty { _ = try Regex(text, caseless: caseless) }
            return try Regex(wrap.0 + text + wrap.1, caseless: caseless)
        } catch {
            if case let .compile(_, offset, message) = error {
                throw reader.patternError(node, offset: offset, "\(what): bad pattern at offset \(offset): \(message)")
            }
            throw reader.error(node, "\(what): \(error)")
        }
    }

    private func anchor(_ node: Node, _ what: String) throws(RuleFileError) -> Anchor {
        let keys = try reader.mapping(node, "the anchor of \(what)", allowed: RuleCompiler.anchorKeys)
        let target: Anchor.Target
        switch (keys["labels"], keys["field"]) {
        case let (labelsNode?, nil):
            target = .labels(try foldedLabels(labelsNode, "the labels of \(what)"))
        case let (nil, fieldNode?):
            target = .field(try reader.string(fieldNode, "'field'"))
        default:
            throw reader.error(node, "the anchor of \(what) needs either 'labels' (the printed label and its variants) or 'field' (a field found earlier whose value it sits next to), not both")
        }
        var directions: [Direction] = [.right, .below]
        if let whereNode = keys["where"] {
            directions = []
            for word in try reader.strings(whereNode, "'where'") {
                guard let direction = Direction(rawValue: word) else {
                    throw reader.error(whereNode, "unknown place '\(word)' in 'where' of \(what); expected right, left, below or above, in order of preference")
                }
                directions.append(direction)
            }
        }
        let maxDistance = try keys["maxDistance"].map { node throws(RuleFileError) in try reader.number(node, "'maxDistance'") } ?? 3
        let tolerance = try keys["tolerance"].map { node throws(RuleFileError) in try reader.number(node, "'tolerance'") } ?? 1
        let lines = try keys["lines"].map { node throws(RuleFileError) in try reader.number(node, "'lines'") } ?? 1
        guard lines >= 1, lines == lines.rounded() else { throw reader.error(keys["lines"], "'lines' is how many rows the value may span: a whole number, 1 or more") }
        let separator = try keys["separator"].map { node throws(RuleFileError) in try reader.string(node, "'separator'") } ?? " "
        let rows = try keys["rows"].map { node throws(RuleFileError) in try reader.number(node, "'rows'") }
        if let rows, rows < 1 || rows != rows.rounded() {
            throw reader.error(keys["rows"], "'rows' is how many of the nearest rows may hold the value: a whole number, 1 or more")
        }
        var numbered: [NumberedLabel] = []
        if let numberNode = keys["number"] {
            guard let labelsNode = keys["labels"] else { throw reader.error(numberNode, "'number' is the box number printed before the anchor's 'labels'; add 'labels'") }
            numbered = try numberedLabels(labelsNode, number: numberNode, what)
        }
        return Anchor(target: target, directions: directions, maxDistance: maxDistance, tolerance: tolerance,
                      lines: Int(lines), lineSeparator: separator, rows: rows.map { Int($0) } ?? .max, numbered: numbered)
    }

    /// `number: 31` with `labels: [31. Primer apellido, Primer apellido]`: each label without the number
    /// (a variant that starts with it has it stripped), paired with the number.
    private func numberedLabels(_ labelsNode: Node, number numberNode: Node, _ what: String) throws(RuleFileError) -> [NumberedLabel] {
        let number = try reader.string(numberNode, "'number'")
        var numbered: [NumberedLabel] = []
        for printed in try reader.strings(labelsNode, "the labels of \(what)") {
            var text = printed.drop { $0 == " " }
            if text.hasPrefix(number), text.dropFirst(number.count).first?.isNumber != true {
                text = text.dropFirst(number.count).drop { " .:)-".contains($0) }
            }
            guard let folded = FoldedLabel(String(text)), let label = NumberedLabel(number: number, label: folded) else {
                throw reader.error(numberNode, "'number' of \(what) must be the box number printed before each label: 1 to 4 digits, followed by the label's text")
            }
            if !numbered.contains(label) { numbered.append(label) }
        }
        return numbered
    }

    private func foldedLabels(_ node: Node, _ what: String) throws(RuleFileError) -> [FoldedLabel] {
        var labels: [FoldedLabel] = []
        for (index, printed) in try reader.strings(node, what).enumerated() {
            guard let label = FoldedLabel(printed) else {
                throw reader.error(node, "entry \(index + 1) of \(what) ('\(printed)') must have 1 to \(FoldedLabel.maxLength) letters or digits to match")
            }
            labels.append(label)
        }
        return labels
    }

    private func normalizer(_ node: Node, _ what: String) throws(RuleFileError) -> Normalizer {
        let kinds = "text, upper, name, number, digits, dottedThousands, identifier, {identifier: {letters: N}}, {codes: {letters: N}}, amount, {dateRange: [formats]}, or {date: [formats], twoDigitYears: past|future}"
        if let scalar = node.scalar {
            switch scalar.string {
            case "text": return .text
            case "name": return .name
            case "number": return .number
            case "digits": return .digits
            case "dottedThousands": return .dottedThousands
            case "identifier": return .identifier(letters: nil)
            case "upper": return .upper
            case "amount": return .amount
            case "date": return .date([try dateFormat("dd/MM/yyyy", node)], twoDigitYears: .past)
            default: throw reader.error(node, "unknown normalizer '\(scalar.string)' for \(what); expected \(kinds)")
            }
        }
        let keys = try reader.mapping(node, "'normalize' of \(what)", allowed: ["date", "dateRange", "twoDigitYears", "identifier", "codes"])
        if let identifierNode = keys["identifier"] {
            let options = try reader.mapping(identifierNode, "'identifier' of \(what)", allowed: ["letters"])
            let letters = try options["letters"].map { node throws(RuleFileError) in try reader.number(node, "'letters'") }
            return .identifier(letters: letters.map(Int.init))
        }
        if let codesNode = keys["codes"] {
            let options = try reader.mapping(codesNode, "'codes' of \(what)", allowed: ["letters"])
            guard let lettersNode = options["letters"] else { throw reader.error(codesNode, "'codes' of \(what) needs 'letters': how many letters start each code") }
            let letters = try reader.number(lettersNode, "'letters'")
            guard letters >= 1, letters == letters.rounded() else { throw reader.error(lettersNode, "'letters' is a whole number, 1 or more") }
            return .codes(letters: Int(letters))
        }
        guard let formatsNode = keys["date"] ?? keys["dateRange"] else { throw reader.error(node, "'normalize' of \(what) must be \(kinds)") }
        var formats: [DateFormat] = []
        for format in try reader.strings(formatsNode, "'date'") { formats.append(try dateFormat(format, formatsNode)) }
        let years: Normalizer.TwoDigitYears = try keys["twoDigitYears"].map { node throws(RuleFileError) in
            try reader.choice(node, "'twoDigitYears'", expected: "past (birth dates) or future (expiry dates)")
        } ?? .past
        return keys["dateRange"] != nil ? .dateRange(formats, twoDigitYears: years) : .date(formats, twoDigitYears: years)
    }

    private func dateFormat(_ format: String, _ node: Node) throws(RuleFileError) -> DateFormat {
        do { return try DateFormat(format) } catch {
            throw reader.error(node, "date format '\(format)': \(error.reason)")
        }
    }

    private func validators(_ node: Node, _ what: String) throws(RuleFileError) -> [Validator] {
        let keys = try reader.mapping(node, "'validate' of \(what)", allowed: RuleCompiler.validateKeys)
        var validators: [Validator] = []
        if let patternNode = keys["pattern"] {
            // The whole value must match: the pattern is anchored at both ends, so alternatives and lazy
            // quantifiers are tried until one spans the value.
            validators.append(.pattern(try compilePattern(patternNode, "'validate' of \(what)", caseless: false, wrap: ("\\A(?:", ")\\z"))))
        }
        if let dateNode = keys["date"] {
            switch try reader.string(dateNode, "'date'") {
            case "past":
                let maxYears = try keys["maxYears"].map { node throws(RuleFileError) in try reader.number(node, "'maxYears'") } ?? 130
                validators.append(.pastDate(maxYears: Int(maxYears)))
            case "any":
                let minYear = try keys["minYear"].map { node throws(RuleFileError) in try reader.number(node, "'minYear'") } ?? 1900
                let ahead = try keys["maxYearsAhead"].map { node throws(RuleFileError) in try reader.number(node, "'maxYearsAhead'") } ?? 30
                validators.append(.dateRange(minYear: Int(minYear), maxYearsAhead: Int(ahead)))
            case let other:
                throw reader.error(dateNode, "'date' check of \(what) must be past (not after the reference date) or any (a plausible year), not '\(other)'")
            }
        }
        let minLength = try keys["minLength"].map { node throws(RuleFileError) in try reader.number(node, "'minLength'") }
        let maxLength = try keys["maxLength"].map { node throws(RuleFileError) in try reader.number(node, "'maxLength'") }
        if minLength != nil || maxLength != nil {
            let range = Int(minLength ?? 1)...Int(maxLength ?? 10_000)
            validators.append(.length(range))
        }
        return validators
    }

    private func checks(_ node: Node, _ what: String) throws(RuleFileError) -> [FieldCheck] {
        let keys = try reader.mapping(node, "'validate' of \(what)", allowed: RuleCompiler.validateKeys)
        var checks: [FieldCheck] = []
        if let kindNode = keys["checkDigit"] {
            let name = try reader.string(kindNode, "'checkDigit'")
            guard let kind = CheckDigitKind(rawValue: name) else {
                throw reader.error(kindNode, "unknown check digit '\(name)'; expected one of: \(CheckDigitKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let body = try keys["body"].map { node throws(RuleFileError) in try reader.string(node, "'body'") }
            checks.append(.checkDigit(kind, body: body))
        } else if let bodyNode = keys["body"] {
            throw reader.error(bodyNode, "'body' names the field a check digit follows; add 'checkDigit'")
        }
        if let afterNode = keys["after"] {
            let field = try reader.string(afterNode, "'after'")
            checks.append(.after(field))
            if let yearsNode = keys["validForYears"] {
                checks.append(.validFor(years: Int(try reader.number(yearsNode, "'validForYears'")), from: field))
            }
        } else if let yearsNode = keys["validForYears"] {
            throw reader.error(yearsNode, "'validForYears' counts from the date named by 'after'; add 'after'")
        }
        return checks
    }

    private func derivation(_ node: Node, _ keys: [String: Node], _ what: String) throws(RuleFileError) -> Derivation {
        let kind = try reader.string(node, "'derive'")
        func sources() throws(RuleFileError) -> [String] {
            guard let from = keys["from"] else { throw reader.error(node, "\(what) derives '\(kind)' and needs 'from': the fields it is computed from") }
            return try reader.strings(from, "'from'")
        }
        switch kind {
        case "join":
            let optional = try keys["optional"].map { node throws(RuleFileError) in try reader.strings(node, "'optional'") } ?? []
            let whenBlank = try keys["optionalWhenBlank"].map { node throws(RuleFileError) in try reader.strings(node, "'optionalWhenBlank'") } ?? []
            let from = try sources()
            for (key, names) in [("optional", optional), ("optionalWhenBlank", whenBlank)] {
                if let stray = names.first(where: { !from.contains($0) }) {
                    throw reader.error(keys[key], "'\(key)' names '\(stray)', which is not among 'from'")
                }
            }
            return .join(from, optional: Set(optional), whenBlank: Set(whenBlank))
        case "country":
            let from = try sources()
            guard from.count == 1 else { throw reader.error(keys["from"], "'country' is computed from one field holding an ICAO country code") }
            return .country(from[0])
        case "age":
            let from = try sources()
            guard from.count == 1 else { throw reader.error(keys["from"], "'age' is computed from one date field") }
            return .age(from[0])
        case "gender":
            let male = try keys["male"].map { node throws(RuleFileError) in try reader.strings(node, "'male'") } ?? []
            let female = try keys["female"].map { node throws(RuleFileError) in try reader.strings(node, "'female'") } ?? []
            return .gender(sources: try sources(), male: Set(male.map { $0.uppercased() }), female: Set(female.map { $0.uppercased() }))
        case "constant":
            guard let value = keys["value"] else { throw reader.error(node, "\(what) derives a constant and needs 'value'") }
            return .constant(try reader.string(value, "'value'"))
        default:
            throw reader.error(node, "unknown derivation '\(kind)' for \(what); expected join, age, gender, country or constant")
        }
    }

    /// Derivations and field anchors may only name fields declared earlier in the file (fields run in order).
    private func checkDerivationSources(_ fields: [FieldRule], _ entries: [(name: String, key: Node, value: Node)]) throws(RuleFileError) {
        var declared: Set<String> = []
        for (field, entry) in zip(fields, entries) {
            if let unknown = field.sources.first(where: { !declared.contains($0) }) {
                throw reader.error(entry.value, "field '\(field.name)' uses field '\(unknown)', which is not declared above it; fields can only build on earlier ones")
            }
            declared.insert(field.name)
        }
    }
}
