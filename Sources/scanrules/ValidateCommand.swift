import ArgumentParser
import Foundation
import ScanRules

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a document or tax number's check digit or format.",
        discussion: """
        Prints JSON: `valid`, the `expected` check digit (when the kind has one and the number is \
        readable), the number in its `normalized` form, and the `reason` when it is invalid. Dots, \
        hyphens and spaces may be left in the number. Exit status: 0 valid, 1 invalid, 2 usage error.

        Kinds:
        \(CheckDigitKind.allCases.map { "  \($0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n"))

        Examples:
          scanrules validate nit 800.003.122-6
          scanrules validate rif V-11470283-3          # invalid: prints "expected": "4", exits 1
          scanrules validate mrz-check L898902C36
          scanrules validate dni-pe 70275722-9
          scanrules validate cedula-pa 8-123-456
        """
    )

    @Argument(help: ArgumentHelp("What the number is: \(CheckDigitKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "KIND"))
    var kind: String?

    @Argument(help: ArgumentHelp("The number, as printed (quote it if it holds spaces).", valueName: "VALUE"))
    var value: String?

    /// Anything more is a usage mistake, reported with exit status 2 like the others.
    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var extra: [String] = []

    func run() throws {
        let kinds = CheckDigitKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let kind, let value, extra.isEmpty else {
            FileHandle.standardError.write(Data("Error: give one KIND and one VALUE, e.g. scanrules validate nit 800.003.122-6 (kinds: \(kinds))\n".utf8))
            throw ExitCode(2)
        }
        guard let checkKind = CheckDigitKind(rawValue: kind.lowercased()) else {
            FileHandle.standardError.write(Data("Error: unknown kind '\(kind)'; the kinds are \(kinds)\n".utf8))
            throw ExitCode(2)
        }
        let result = checkKind.validate(value)
        var members: [(key: String, value: JSONValue)] = [
            ("kind", .string(checkKind.rawValue)), ("value", .string(value)), ("valid", .bool(result.valid)),
        ]
        if let expected = result.expected { members.append(("expected", .string(expected))) }
        if let normalized = result.normalized { members.append(("normalized", .string(normalized))) }
        if let reason = result.reason { members.append(("reason", .string(reason))) }
        print(JSONValue.object(members).serialized())
        if !result.valid { throw ExitCode(1) }
    }
}
