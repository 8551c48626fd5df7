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
    let keywords: [String]
    /// The fields in the order the file declares them.
    let fields: [FieldRule]
    /// Where the rule came from (a path), for messages.
    public let source: String

    /// The names of the fields this rule extracts or derives.
    public var fieldNames: [String] { fields.map(\.name) }
}

/// How one field is found, cleaned and checked.
struct FieldRule: Sendable {
    let name: String
    let source: FieldSource
    let normalizer: Normalizer
    let validators: [Validator]
}

/// Where a field's value comes from.
enum FieldSource: Sendable {
    /// Read from the text: near an anchor when there is one, otherwise anywhere.
    case text(TextLocator)
    /// Computed from other fields.
    case derived(Derivation)
}

/// Finds a value in the text: the `pattern` is searched near the anchor, or in the whole text.
struct TextLocator: Sendable {
    let anchor: Anchor?
    /// The value pattern; its `value` group, when present, is the value, else the whole match.
    let pattern: Regex
}

/// A printed label and where its value sits relative to it.
struct Anchor: Sendable {
    /// Each label variant, folded (see `TextFolding`).
    let labels: [String]
    /// Places to look, in order of preference.
    let directions: [Direction]
    /// How far below or above the label the value may start, in label heights.
    let maxDistance: Double
    /// Horizontal slack, in label heights, when deciding whether a value is under or over the label.
    let tolerance: Double
}

/// Where a value sits relative to its label.
enum Direction: String, Sendable, CaseIterable {
    case right, below, above
}

/// A field computed from others.
enum Derivation: Sendable {
    /// The present source values joined by a space (`firstName lastName`).
    case join([String])
    /// Whole years from the source date to the reference date.
    case age(String)
    /// `Male`/`Female` from the first source whose value is a sex code or a gendered word.
    case gender(sources: [String], male: Set<String>, female: Set<String>)
    /// A fixed value.
    case constant(String)
}
