/// Why a PCRE2 pattern could not be compiled or run.
public enum PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern does not compile; `offset` is the code-point offset in the pattern where PCRE2 stopped.
    case compile(pattern: String, offset: Int, message: String)
    /// Matching gave up: the pattern backtracks too much for the configured limits (a runaway pattern).
    case limitExceeded(pattern: String, limit: String)
    /// PCRE2 reported another matching error.
    case match(pattern: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case let .compile(pattern, offset, message):
            return "pattern /\(pattern)/ does not compile at offset \(offset): \(message)"
        case let .limitExceeded(pattern, limit):
            return "pattern /\(pattern)/ exceeded the \(limit) while matching; "
                + "rewrite it without nested quantifiers such as (a+)+ or bound its repetitions"
        case let .match(pattern, code, message):
            return "pattern /\(pattern)/ failed while matching (PCRE2 error \(code)): \(message)"
        }
    }
}
