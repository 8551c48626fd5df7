import ArgumentParser
import Foundation
import ScanRules

struct OCRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocr",
        abstract: "Show the text, lines and word boxes the rules see in OCR output.",
        discussion: """
        Reads OCR output the way `extract` does and prints it as native ScanRules OCR JSON: the \
        document text, and per page its size and words, each with its code-point offsets into the \
        text (start, end exclusive), box [left, top, right, bottom], confidence (0 to 1), line \
        number, and polygon when the engine gave a tilted outline. This is exactly what rules match \
        against, so use it to see why a label or value is not found. Several files are the pages of \
        one document, in order. The output is itself valid input for `extract`.

        Formats (recognised from the content unless --input-format is given): \
        \(OCRFormat.allCases.map(\.rawValue).joined(separator: ", ")). Plain text is never \
        recognised: give --input-format text.

        Examples:
          scanrules ocr card.tsv
          scanrules ocr vision-response.json > card.ocr.json
          scanrules ocr --input-format textract analyze-id.json
          scanrules ocr --input-format text notes.txt
        """
    )

    @OptionGroup var input: DocumentInput

    func run() throws {
        let document = try input.document()
        print(NativeJSONEncoder.encode(document).serialized())
    }
}

extension OCRFormat: ExpressibleByArgument {}
