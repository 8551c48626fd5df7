/// Why extraction could not run.
public enum ExtractionError: Error, Sendable, CustomStringConvertible {
    /// No rule file defines this document type.
    case unknownType(String, known: [String])
    /// A rule file could not be compiled when it was first needed.
    case ruleFile(RuleFileError)
    /// A field's pattern failed while matching (for example it exceeded its match limit).
    case pattern(type: String, field: String, PatternError)
    /// `auto` was asked for and no rule's keywords match well enough.
    case undetectedType(closest: [TypeGuess])
    /// The document matches another type's keywords clearly better than the one asked for.
    case wrongType(requested: TypeGuess, better: TypeGuess)

    public var description: String {
        switch self {
        case let .unknownType(type, known):
            return "no rule file defines document type '\(type)'; known types: \(known.joined(separator: ", ")) (add a rule file with --rules DIR)"
        case let .pattern(type, field, error):
            return "rule \(type), field '\(field)': \(error)"
        case let .ruleFile(error):
            return error.description
        case let .undetectedType(closest):
            let list = closest.prefix(3).map { "\($0.code) \(percent($0.score))" }.joined(separator: ", ")
            return "cannot tell the document type: no rule's keywords match well enough (closest: \(list)); give --type"
        case let .wrongType(requested, better):
            return "this looks like a \(better.code) document (\(percent(better.score)) of its keywords found), not \(requested.code) "
                + "(\(percent(requested.score))); use --type \(better.code) or --type auto"
        }
    }
}

private func percent(_ fraction: Double) -> String {
    "\(Int((fraction * 100).rounded()))%"
}
