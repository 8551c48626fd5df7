/// Why an OCR input file could not be read. Each case names the file and how to fix the input.
public struct OCRInputError: Error, Sendable, CustomStringConvertible {
    /// The file (or `-` for standard input).
    public let source: String
    /// What is wrong, in words a user can act on.
    public let problem: String

    public init(source: String, problem: String) {
        self.source = source
        self.problem = problem
    }

    public var description: String { "\(source): \(problem)" }
}
