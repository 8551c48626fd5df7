import ArgumentParser

@main
struct ScanRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scanrules",
        abstract: "Turn OCR output of identity and tax documents into structured, validated fields.",
        subcommands: [ExtractCommand.self, BatchCommand.self, EvalCommand.self, OCRCommand.self, ValidateCommand.self, MRZCommand.self]
    )
}
