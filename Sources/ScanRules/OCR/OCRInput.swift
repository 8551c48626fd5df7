import Foundation

extension OCRDocument {
    /// Reads one OCR output. `format` names the engine's format; `nil` recognises it from the content
    /// (plain text is never recognised: pass ``OCRFormat/text``). `source` names the input in errors.
    public init(data: Data, source: String, format: OCRFormat? = nil) throws(OCRInputError) {
        if format == nil || format == .tesseractTSV, let document = try TesseractTSVAdapter.readIfHeaded(data, source: source) {
            self = document
            return
        }
        if format == .native || (format == nil && OCRFormat.looksNative(data)) {
            self = try NativeJSONAdapter.read(data, source: source)
            return
        }
        guard let content = String(data: data, encoding: .utf8) else {
            throw OCRInputError(source: source, problem: "not UTF-8 text; OCR inputs are JSON, TSV, hOCR or text files")
        }
        let chosen: OCRFormat
        if let format { chosen = format } else { chosen = try OCRFormat.sniff(content, source: source) }
        switch chosen {
        case .native: self = try NativeJSONAdapter.read(data, source: source)
        case .tesseractTSV: self = try TesseractTSVAdapter.read(content, source: source)
        case .hocr: self = try HOCRAdapter.read(content, source: source)
        case .googleVision: self = try GoogleVisionAdapter.read(data, source: source)
        case .documentAI: self = try DocumentAIAdapter.read(data, source: source)
        case .azure: self = try AzureAdapter.read(data, source: source)
        case .textract: self = try TextractAdapter.read(data, source: source)
        case .paddleOCR: self = try PaddleOCRAdapter.read(content, source: source)
        case .text: self = PlainTextAdapter.read(content)
        }
    }

    /// Reads the files given as the pages of one document, in order (`-` reads standard input), in
    /// `format`, or each in the format recognised from its content when `format` is `nil`.
    public init(contentsOf paths: [String], format: OCRFormat? = nil) throws(OCRInputError) {
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
            parts.append(try OCRDocument(data: data, source: path, format: format))
        }
        self = OCRDocument.joining(parts)
    }
}
