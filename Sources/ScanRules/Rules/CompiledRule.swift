/// A rule file compiled for one document type: immutable, patterns compiled, safe to share across threads.
public struct CompiledRule: Sendable {
    /// The document type code (`CCVE`).
    public let code: String
    /// A human name for the document type.
    public let name: String
    /// The issuing country's English name, reported as `country` unless a field derives it.
    public let country: String?
    /// `ID`, `TAX`, `PASSPORT`, `UTILITY_BILL` or `DRIVER_LICENSE`.
    public let category: String
    /// Phrases whose presence says a document is of this type, folded for tolerant comparison.
    let keywords: [FoldedLabel]
    /// The fields in the order the file declares them.
    let fields: [FieldRule]
    /// Fields printed on the back side: when none of them is found, the back side was not given.
    let backSide: [String]
    /// Where the rule came from (a path), for messages.
    public let source: String
    /// Every distinct label the fields' anchors name, and every distinct numbered one: found once per
    /// document before the fields are read, kept in this order (see ``Anchor/labelSlots``).
    let anchorLabels: [FoldedLabel]
    let numberedLabels: [NumberedLabel]
    /// The fields other fields are anchored to (`anchor: {field: …}`): only their places are kept.
    /// A short list, not a set: every field found is looked up here, and comparing a name with two or
    /// three others costs less than hashing it.
    let anchorFields: [String]

    init(code: String, name: String, country: String?, category: String, keywords: [FoldedLabel], fields: [FieldRule],
         backSide: [String], source: String) {
        self.code = code
        self.name = name
        self.country = country
        self.category = category
        self.keywords = keywords
        self.backSide = backSide
        self.source = source
        // Each anchor learns where its labels sit in `anchorLabels` and `numberedLabels`: a run keeps the
        // hits in arrays in that order and looks them up by position, not by hashing label texts.
        var labels: [FoldedLabel] = []
        var numbered: [NumberedLabel] = []
        var fields = fields
        for field in fields.indices {
            guard case var .text(locators) = fields[field].source else { continue }
            for locator in locators.indices {
                let old = locators[locator]
                guard let anchor = old.anchor else { continue }
                var labelSlots: [Int] = []
                if case let .labels(named) = anchor.target {
                    labelSlots = named.map { label in
                        CompiledRule.slot(of: label, in: &labels) { $0.text == label.text }
                    }
                }
                let numberedSlots = anchor.numbered.map { label in
                    CompiledRule.slot(of: label, in: &numbered) { $0.key == label.key }
                }
                locators[locator] = TextLocator(anchor: anchor.with(labelSlots: labelSlots, numberedSlots: numberedSlots),
                                                pattern: old.pattern, trust: old.trust, pick: old.pick)
            }
            fields[field] = fields[field].with(locators: locators)
        }
        self.fields = fields
        anchorLabels = labels
        numberedLabels = numbered
        var anchorFields: [String] = []
        for case let .field(name) in fields.flatMap(\.locators).compactMap(\.anchor?.target) where !anchorFields.contains(name) {
            anchorFields.append(name)
        }
        self.anchorFields = anchorFields
    }

    /// The position of `item` in `list` (the first one `same` says is it), appended when not there yet.
    private static func slot<Item>(of item: Item, in list: inout [Item], same: (Item) -> Bool) -> Int {
        if let index = list.firstIndex(where: same) { return index }
        list.append(item)
        return list.count - 1
    }

    /// The names of the fields this rule extracts or derives.
    public var fieldNames: [String] { fields.map(\.name) }

    /// Every value pattern of the rule (primary and fallback locators), for measuring what the rule costs
    /// as bare regular expressions.
    public var patterns: [Regex] { fields.flatMap(\.locators).map(\.pattern) }
}

/// How one field is found, cleaned and checked. A class, like ``TextLocator``: a run hands every field
/// rule from step to step, and copying a struct of this size retains and releases each of its parts.
final class FieldRule: Sendable {
    let name: String
    let source: FieldSource
    let normalizer: Normalizer
    let validators: [Validator]
    /// Checks run on the value once found; a failure marks it INVALID.
    let checks: [FieldCheck]
    /// The part of the machine-readable zone that holds this field too, if any.
    let mrz: MRZSource?
    /// Printed values (folded) and what they mean (`PANAMEÑA` → `Panama`, `0+` → `O+`).
    let valueMap: [String: String]
    /// Whether a document without this field needs a person to look at it.
    let required: Bool
    /// Substitutions tried, in order, on a value that fails the shape validators (see ``ValueRepair``).
    let repairs: [ValueRepair]
    /// Whether a check digit not read is computed from the number its `checkDigit` check names
    /// (see ``ComputedCheckDigit``).
    let computesCheckDigit: Bool

    init(name: String, source: FieldSource, normalizer: Normalizer, validators: [Validator], checks: [FieldCheck],
         mrz: MRZSource?, valueMap: [String: String], required: Bool, repairs: [ValueRepair] = [], computesCheckDigit: Bool = false) {
        self.name = name
        self.source = source
        self.normalizer = normalizer
        self.validators = validators
        self.checks = checks
        self.mrz = mrz
        self.valueMap = valueMap
        self.required = required
        self.repairs = repairs
        self.computesCheckDigit = computesCheckDigit
    }

    /// The same rule read from other locators (``CompiledRule`` gives the anchors their label slots).
    func with(locators: [TextLocator]) -> FieldRule {
        FieldRule(name: name, source: .text(locators), normalizer: normalizer, validators: validators, checks: checks,
                  mrz: mrz, valueMap: valueMap, required: required, repairs: repairs, computesCheckDigit: computesCheckDigit)
    }
}

extension FieldRule {
    /// The locators of a field read from the text; none for derived fields.
    var locators: [TextLocator] {
        if case let .text(locators) = source { return locators }
        return []
    }

    /// The other fields this one is computed from or anchored to.
    var sources: [String] {
        switch source {
        case let .derived(.join(names, _, _)), let .derived(.gender(names, _, _)): return names
        case let .derived(.age(name)), let .derived(.country(name)): return [name]
        case .derived(.constant): return []
        case let .text(locators):
            return locators.compactMap { locator in
                if case let .field(name)? = locator.anchor?.target { return name }
                return nil
            } + checks.compactMap(\.source)
        }
    }
}

/// Where a field's value comes from.
enum FieldSource: Sendable {
    /// Read from the text: the first locator that finds a valid value wins (the primary, then fallbacks).
    case text([TextLocator])
    /// Computed from other fields.
    case derived(Derivation)
}

/// Finds a value in the text: the `pattern` is searched near the anchor, or in the whole text.
/// A class: a run passes each locator of each field around, and a struct of this size would be copied,
/// every array and string in it retained and released, at each step.
final class TextLocator: Sendable {
    let anchor: Anchor?
    /// The value pattern; its `value` group, when present, is the value, else the whole match.
    let pattern: Regex
    /// Confidence kept by values this locator finds: 1 for the primary, less for fallbacks.
    let trust: Double
    /// Which valid match becomes the value.
    let pick: Pick

    enum Pick: String, Sendable {
        /// The first valid match.
        case first
        /// The valid match with the latest date (the longest-valid licence category).
        case latest
        /// Every valid match, joined by `, ` (repeated table rows).
        case all
    }

    init(anchor: Anchor?, pattern: Regex, trust: Double, pick: Pick) {
        self.anchor = anchor
        self.pattern = pattern
        self.trust = trust
        self.pick = pick
    }
}

/// What a value is found next to, and where it sits relative to it.
/// A class, like ``TextLocator``: every locate reads it, and a struct this size is copied part by part.
final class Anchor: Sendable {
    /// A printed label (its variants folded, see `TextFolding`), or the value of a field found earlier.
    enum Target: Sendable {
        case labels([FoldedLabel])
        case field(String)
    }

    let target: Target
    /// Places to look, in order of preference.
    let directions: [Direction]
    /// How far below or above the label the value may start, in label heights.
    let maxDistance: Double
    /// Horizontal slack, in label heights, when deciding whether a value is under or over the label.
    let tolerance: Double
    /// How many rows a value below or above the label may span (an address), and what joins them.
    let lines: Int
    let lineSeparator: String
    /// How many of the nearest rows below or above may hold the value: 1 when a value always sits
    /// right under its label, so OCR junk there ends the search instead of passing it to the next
    /// field's row.
    let rows: Int
    /// The labels again, without their box number, for a form that prints one before each label
    /// (`number:`): found with a looser spelling when the number is read right before them.
    let numbered: [NumberedLabel]
    /// Where the `labels` and the `numbered` labels sit in the compiled rule's ``CompiledRule/anchorLabels``
    /// and ``CompiledRule/numberedLabels``, in the same order: set by ``CompiledRule``.
    let labelSlots: [Int]
    let numberedSlots: [Int]

    init(target: Target, directions: [Direction], maxDistance: Double, tolerance: Double, lines: Int, lineSeparator: String,
         rows: Int = .max, numbered: [NumberedLabel] = [], labelSlots: [Int] = [], numberedSlots: [Int] = []) {
        self.target = target
        self.directions = directions
        self.maxDistance = maxDistance
        self.tolerance = tolerance
        self.lines = lines
        self.lineSeparator = lineSeparator
        self.rows = rows
        self.numbered = numbered
        self.labelSlots = labelSlots
        self.numberedSlots = numberedSlots
    }

    /// The same anchor with its labels' slots in the compiled rule.
    func with(labelSlots: [Int], numberedSlots: [Int]) -> Anchor {
        Anchor(target: target, directions: directions, maxDistance: maxDistance, tolerance: tolerance, lines: lines,
               lineSeparator: lineSeparator, rows: rows, numbered: numbered, labelSlots: labelSlots, numberedSlots: numberedSlots)
    }
}

/// Where a value sits relative to its label.
enum Direction: String, Sendable, CaseIterable {
    case right, left, below, above
}

/// A field computed from others.
enum Derivation: Sendable {
    /// The source values joined by a space (`firstName lastName`); all must be present but the optional
    /// ones, and those `whenBlank` whose label the document shows with nothing printed under it.
    case join([String], optional: Set<String>, whenBlank: Set<String>)
    /// The English name of the country whose ICAO code another field holds.
    case country(String)
    /// Whole years from the source date to the reference date.
    case age(String)
    /// `Male`/`Female` from the first source whose value is a sex code or a gendered word.
    case gender(sources: [String], male: Set<String>, female: Set<String>)
    /// A fixed value.
    case constant(String)
}
