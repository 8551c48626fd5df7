import Foundation

/// The OCR formats ScanRules reads, told apart by content rather than file name.
public enum OCRFormat: String, Sendable, CaseIterable {
    /// The native ScanRules OCR JSON.
    case native
    /// Tesseract's TSV output.
    case tesseractTSV = "tesseract-tsv"

    /// Picks the format from the first characters of the content.
    static func sniff(_ content: String, source: String) throws(OCRInputError) -> OCRFormat {
        let start = content.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.first == "{" { return .native }
        let firstLine = start.prefix { $0 != "\n" && $0 != "\r" }
        if TesseractTSVAdapter.looksLikeTSV(firstLine) { return .tesseractTSV }
        let preview = firstLine.prefix(40)
        throw OCRInputError(source: source, problem: content.isEmpty
            ? "the file is empty; expected ScanRules OCR JSON or Tesseract TSV"
            : "not a recognised OCR format (starts with '\(preview)'); expected ScanRules OCR JSON (an object with \"pages\") or Tesseract TSV (first line 'level\\tpage_num\\tblock_num…', from `tesseract IMAGE OUT tsv`)")
    }
}

extension OCRDocument {
    /// Reads one OCR output, sniffing its format. `source` names it in errors.
    public init(data: Data, source: String) throws(OCRInputError) {
        guard let content = String(data: data, encoding: .utf8) else {
            throw OCRInputError(source: source, problem: "not UTF-8 text; OCR inputs are JSON or TSV files")
        }
        switch try OCRFormat.sniff(content, source: source) {
        case .native: self = try NativeJSONAdapter.read(data, source: source)
        case .tesseractTSV: self = try TesseractTSVAdapter.read(content, source: source)
        }
    }

    /// Reads the files given as the pages of one document, in order (`-` reads standard input).
    public init(contentsOf paths: [String]) throws(OCRInputError) {
        var parts: [OCRDocument] = []
        for path in paths {
            let data: Data
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw OCRInputError(source: path, problem: "no such file")
                }
                guard !isDirectory.boolValue else {
                    throw OCRInputError(source: path, problem: "is a directory; give the OCR files themselves")
                }
                guard let contents = FileManager.default.contents(atPath: path) else {
                    throw OCRInputError(source: path, problem: "cannot be read (check its permissions)")
                }
                data = contents
            }
            parts.append(try OCRDocument(data: data, source: path))
        }
        self = OCRDocument.joining(parts)
    }
}
