import ArgumentParser
import Foundation
import ScanRules

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure field accuracy against ground truth.",
        discussion: """
        Finds every NAME.truth.json under the folders given, extracts NAME.tsv or NAME.ocr.json with \
        the truth file's document type and reference date, and prints per type and per field how many \
        values were right, wrong and missing, then the overall accuracy (right among truth values) and \
        precision (right among values emitted).

        Example:
          scanrules eval Fixtures/
          scanrules eval --min-accuracy 0.9 Fixtures/CCVE
          scanrules eval --min-accuracy 0.95 --min-type-accuracy 0.9 --min-precision 0.98 Fixtures/
        """
    )

    @OptionGroup var rulesOption: RulesOption

    @Option(name: .long, help: ArgumentHelp("Exit with status 1 when overall accuracy is below this fraction (0...1).", valueName: "FRACTION"))
    var minAccuracy: Double?

    @Option(name: .long, help: ArgumentHelp("Exit with status 1 when any document type's accuracy is below this fraction.", valueName: "FRACTION"))
    var minTypeAccuracy: Double?

    @Option(name: .long, help: ArgumentHelp("Exit with status 1 when any document type's precision (right among values emitted) is below this fraction.", valueName: "FRACTION"))
    var minPrecision: Double?

    @Argument(help: ArgumentHelp("Folders holding fixtures (searched recursively).", valueName: "DIR"))
    var directories: [String]

    func validate() throws {
        if directories.isEmpty { throw ValidationError("give at least one folder of fixtures, e.g. Fixtures/") }
        for (name, value) in [("--min-accuracy", minAccuracy), ("--min-type-accuracy", minTypeAccuracy), ("--min-precision", minPrecision)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(name) is a fraction between 0 and 1, e.g. 0.95") }
        }
    }

    func run() throws {
        let evaluator = Evaluator(engine: try rulesOption.engine())
        var fixtures: [Evaluator.Fixture] = []
        for directory in directories {
            fixtures += try CommandSupport.run { () throws(OCRInputError) in
                try Evaluator.fixtures(in: URL(fileURLWithPath: directory, isDirectory: true))
            }
        }
        guard !fixtures.isEmpty else {
            throw CommandFailure(message: "no fixtures (NAME.truth.json beside NAME.tsv or NAME.ocr.json) under \(directories.joined(separator: ", "))")
        }
        let outcomes: [Evaluator.Outcome]
        do { outcomes = try evaluator.evaluate(fixtures) } catch {
            throw CommandFailure(message: "\(error)")
        }
        let report = EvaluationReport(outcomes: outcomes)
        print(report.render())
        let shortfalls = report.shortfalls(minAccuracy: minAccuracy, minTypeAccuracy: minTypeAccuracy, minPrecision: minPrecision)
        if !shortfalls.isEmpty {
            throw CommandFailure(message: shortfalls.joined(separator: "; "))
        }
    }
}
