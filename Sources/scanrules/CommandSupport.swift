import ArgumentParser
import Foundation
import ScanRules

/// What every command shares: loading rules and turning library errors into one-line messages.
enum CommandSupport {
    static func engine(rulesDirectory: String?) throws -> RuleEngine {
        if let rulesDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: rulesDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure(message: "--rules \(rulesDirectory): no such folder; give a folder holding YAML rule files")
            }
        }
        let rules = try run { () throws(RuleFileError) in
            try RuleSet.bundled(overlaidWith: rulesDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) })
        }
        return RuleEngine(rules: rules)
    }

    /// Runs library code, reporting its error as a plain message and a non-zero exit.
    static func run<T, E: Error & CustomStringConvertible>(_ body: () throws(E) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CommandFailure(message: error.description)
        }
    }
}

/// A failure reported on stderr as `Error: <message>` with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
