/// A rule file that cannot be used, located as `file:line:column` (1-based) so editors can jump to it.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    /// The rule file's path.
    public let file: String
    /// The 1-based line (0 when the file could not be read at all).
    public let line: Int
    /// The 1-based column, in Unicode scalars.
    public let column: Int
    /// What is wrong and what is expected there.
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
