/// Why extraction could not run.
public enum ExtractionError: Error, Sendable, CustomStringConvertible {
    /// No rule file defines this document type.
    case unknownType(String, known: [String])
    /// A field's pattern failed while matching (for example it exceeded its match limit).
    case pattern(type: String, field: String, PatternError)

    public var description: String {
        switch self {
        case let .unknownType(type, known):
            return "no rule file defines document type '\(type)'; known types: \(known.joined(separator: ", ")) (add a rule file with --rules DIR)"
        case let .pattern(type, field, error):
            return "rule \(type), field '\(field)': \(error)"
        }
    }
}
