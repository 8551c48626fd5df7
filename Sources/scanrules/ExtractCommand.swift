import ArgumentParser
import Foundation
import ScanRules

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the fields of one document from its OCR output.",
        discussion: """
        Give the OCR output of one document: native ScanRules OCR JSON or Tesseract TSV \
        (`tesseract card.png card tsv`); the format is recognised from the content. Several files \
        are the pages of one document (front, back), in order. The result is printed on stdout as \
        JSON in the Scan Studio v3 shape.

        Examples:
          scanrules extract --type CCVE --as-of 2025-10-23 ccve-seed.ocr.json
          tesseract card.png card -l spa tsv && scanrules extract --type CCVE card.tsv
          scanrules extract --type auto --shape envelope front.tsv back.tsv
          scanrules extract --type CCVE --input-format textract analyze-id.json
        """
    )

    @Option(name: .long, help: ArgumentHelp("Document type code, as named by a rule file (e.g. CCVE), or auto to detect it from the rules' keywords.", valueName: "TYPE"))
    var type: String

    @OptionGroup var asOfOption: AsOfOption

    @OptionGroup var rulesOption: RulesOption

    @Option(name: .long, help: ArgumentHelp("Output shape: v3 (the OCRExtraction object) or envelope (the API's data object with status and requiresBackSide).", valueName: "SHAPE"))
    var shape: OutputShape = .v3

    @OptionGroup var input: DocumentInput

    func run() throws {
        let engine = try rulesOption.engine()
        let document = try input.document()
        let reference = asOfOption.date
        let extraction = try CommandSupport.run { () throws(ExtractionError) in
            try engine.extract(document, type: type, asOf: reference)
        }
        switch shape {
        case .v3: print(V3Encoder.encode(extraction).serialized())
        case .envelope: print(EnvelopeEncoder.encode(extraction).serialized())
        }
    }
}

/// The JSON shapes `extract` can print.
enum OutputShape: String, ExpressibleByArgument, CaseIterable {
    case v3, envelope
}
