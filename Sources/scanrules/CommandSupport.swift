import ArgumentParser
import Foundation
import ScanRules

/// The `--rules DIR` option every command that runs rules takes.
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of YAML rule files to use besides the bundled ones; its files replace bundled rules of the same code.", valueName: "DIR"))
    var rules: String?

    /// An engine over the bundled rules, overlaid with the `--rules` folder.
    func engine() throws -> RuleEngine {
        if let rulesDirectory = rules {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: rulesDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure(message: "--rules \(rulesDirectory): no such folder; give a folder holding YAML rule files")
            }
        }
        let ruleSet = try CommandSupport.run { () throws(RuleFileError) in
            try RuleSet.bundled(overlaidWith: rules.map { URL(fileURLWithPath: $0, isDirectory: true) })
        }
        return RuleEngine(rules: ruleSet)
    }
}

/// Turning library errors into one-line messages.
enum CommandSupport {
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
