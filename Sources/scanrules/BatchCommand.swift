import ArgumentParser
import Foundation
import ScanRules

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Extract many documents, one JSON result per line, in input order.",
        discussion: """
        INPUT is an OCR file (one document), a folder (every .tsv, .json, .hocr, .html or .txt file below \
        it, sorted; truth and expected files skipped), a .jsonl file, or - for a JSONL stream on stdin: \
        one native OCR document per line, or {"id": …, "ocr": {…}}. Each output line is \
        {"id": …, "result": {…}} or, for a document that cannot be read or extracted, \
        {"id": …, "error": "…"}: one bad document never stops the batch. A progress line is drawn on \
        stderr when it is a terminal.

        Examples:
          scanrules batch --type CCVE Fixtures/CCVE > results.jsonl
          cat documents.jsonl | scanrules batch --type auto --jobs 8 -
        """
    )

    @Option(name: .long, help: ArgumentHelp("Document type code, or auto to detect each document's type.", valueName: "TYPE"))
    var type: String

    @OptionGroup var asOfOption: AsOfOption

    @Option(name: .long, help: "Documents processed at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Output shape of each result: v3 or envelope.", valueName: "SHAPE"))
    var shape: OutputShape = .v3

    @Option(name: .long, help: ArgumentHelp("Read every input in this format instead of recognising it.", valueName: "FORMAT"))
    var inputFormat: OCRFormat?

    @OptionGroup var rulesOption: RulesOption

    @Argument(help: ArgumentHelp("Files, folders, .jsonl files, or - for JSONL on stdin.", valueName: "INPUT"))
    var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one file, folder, .jsonl file or - for stdin") }
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        let engine = try rulesOption.engine()
        let reference = asOfOption.date
        let (type, shape, format) = (self.type, self.shape, inputFormat)
        var output = BlockWriter()
        var progress = Progress()
        BatchRunner(jobs: jobs).run(BatchSource(inputs: inputs), work: { item in
            BatchCommand.process(item, engine: engine, type: type, asOf: reference, shape: shape, format: format)
        }, emit: { line in
            output.write(line)
            progress.advance()
        })
        output.flush()
        progress.finish()
    }

    /// One output line for one document, as UTF-8 bytes ending in a newline.
    static func process(_ item: BatchItem, engine: RuleEngine, type: String, asOf: CalendarDate, shape: OutputShape,
                        format: OCRFormat?) -> [UInt8] {
        let line: JSONValue
        do {
            let document = try OCRDocument(data: item.content.get(), source: item.id, format: format)
            let extraction = try engine.extract(document, type: type, asOf: asOf)
            let result = shape == .v3 ? V3Encoder.encode(extraction) : EnvelopeEncoder.encode(extraction)
            line = .object([("id", .string(item.id)), ("result", result)])
        } catch {
            line = .object([("id", .string(item.id)), ("error", .string("\(error)"))])
        }
        return line.serializedUTF8(indent: nil) + [UInt8(ascii: "\n")]
    }
}

/// A progress line on stderr, drawn only when stderr is a terminal.
struct Progress {
    private let enabled = isatty(STDERR_FILENO) != 0
    private let start = Date()
    private var done = 0

    mutating func advance() {
        done += 1
        guard enabled, done % 100 == 0 else { return }
        draw()
    }

    func finish() {
        guard enabled else { return }
        draw()
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw() {
        let rate = Double(done) / max(Date().timeIntervalSince(start), 0.001)
        FileHandle.standardError.write(Data(String(format: "\r%d documents, %.0f/s", done, rate).utf8))
    }
}
