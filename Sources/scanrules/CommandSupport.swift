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

/// The `--as-of DATE` option: the reference date for ages, expiry and two-digit years.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Reference date for age, expiry and two-digit years, YYYY-MM-DD (default: today).", valueName: "DATE"),
            transform: { text in
                guard let date = CalendarDate(iso: text) else {
                    throw ValidationError("not a date; write it as YYYY-MM-DD, e.g. 2025-10-23")
                }
                return date
            })
    var asOf: CalendarDate?

    /// The date given, or today.
    var date: CalendarDate { asOf ?? CalendarDate.today() }
}

/// The OCR files of one document and how to read them.
struct DocumentInput: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The OCR format, when it should not be recognised from the content (see `scanrules ocr --help`); plain text needs 'text'.", valueName: "NAME"))
    var inputFormat: OCRFormat?

    @Argument(help: ArgumentHelp("OCR output files: the pages of one document, in order ('-' for stdin).", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one OCR file") }
    }

    /// The files read as the pages of one document.
    func document() throws -> OCRDocument {
        try CommandSupport.run { () throws(OCRInputError) in try OCRDocument(contentsOf: files, format: inputFormat) }
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
