import Foundation

/// The OCR formats ScanRules reads. All but ``text`` are recognised from the content; the raw value is the
/// name `--input-format` takes.
public enum OCRFormat: String, Sendable, CaseIterable {
    /// The native ScanRules OCR JSON (what `scanrules ocr` prints).
    case native
    /// Tesseract's TSV output (`tesseract IMAGE OUT tsv`, pytesseract `image_to_data`).
    case tesseractTSV = "tesseract-tsv"
    /// hOCR, as Tesseract 3.x–5.x writes it (`tesseract IMAGE OUT hocr`).
    case hocr
    /// A Google Cloud Vision `AnnotateImageResponse` (TEXT_DETECTION or DOCUMENT_TEXT_DETECTION), alone or
    /// in a batch `{"responses": […]}`.
    case googleVision = "google-vision"
    /// A Google Document AI `Document` (or a `ProcessResponse` holding one in `document`).
    case documentAI = "document-ai"
    /// Azure AI Document Intelligence / Form Recognizer results: v2.1 `readResults`, v3 previews and v3/v4.
    case azure
    /// An AWS Textract response: DetectDocumentText, AnalyzeDocument, AnalyzeID or an async job result.
    case textract
    /// PaddleOCR's `system_results.txt` (`IMAGE<TAB>[{"transcription", "points"}…]` per image).
    case paddleOCR = "paddleocr"
    /// Plain text without boxes. Never recognised from the content: ask for it with `--input-format text`.
    case text

    /// The format's name in messages.
    public var displayName: String {
        switch self {
        case .native: return "ScanRules OCR JSON"
        case .tesseractTSV: return "Tesseract TSV"
        case .hocr: return "hOCR"
        case .googleVision: return "Google Cloud Vision JSON"
        case .documentAI: return "Google Document AI JSON"
        case .azure: return "Azure Document Intelligence JSON"
        case .textract: return "AWS Textract JSON"
        case .paddleOCR: return "PaddleOCR results"
        case .text: return "plain text"
        }
    }

    /// Picks the format from the content. Plain text is never guessed: an arbitrary text file read as OCR
    /// would give silently wrong fields.
    static func sniff(_ content: String, source: String) throws(OCRInputError) -> OCRFormat {
        let start = content.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.first == "{" { return sniffJSON(content) }
        let firstLine = start.prefix { $0 != "\n" && $0 != "\r" }
        if TesseractTSVAdapter.looksLikeTSV(firstLine) { return .tesseractTSV }
        if start.first == "<", HOCRAdapter.looksLikeHOCR(start.prefix(20_000)) { return .hocr }
        if PaddleOCRAdapter.looksLikePaddleOCR(firstLine) { return .paddleOCR }
        let preview = firstLine.prefix(40)
        throw OCRInputError(source: source, problem: content.isEmpty
            ? "the file is empty; expected OCR output such as ScanRules OCR JSON or Tesseract TSV"
            : "not a recognised OCR format (starts with '\(preview)'); expected ScanRules OCR JSON (an object with \"pages\"), Tesseract TSV (first line 'level\\tpage_num\\tblock_num…', from `tesseract IMAGE OUT tsv`), hOCR, Google Cloud Vision, Document AI, Azure Document Intelligence or AWS Textract JSON, or PaddleOCR results; for plain text without boxes give --input-format text")
    }

    /// Tells the JSON formats apart by their keys. A file that does not parse (truncated) is told apart by
    /// the key names it starts with, so its error can still name the format.
    private static func sniffJSON(_ content: String) -> OCRFormat {
        if looksNative(content.utf8.prefix(4096)) { return .native }
        guard let root = try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any] else {
            return sniffJSONByKeyNames(content.prefix(50_000))
        }
        let node = JSONNode(root: root, format: "", source: "")
        if node.has("responses") || node.has("textAnnotations") || node.has("fullTextAnnotation") { return .googleVision }
        if node.has("Blocks") || node.has("IdentityDocuments") || node.has("DocumentMetadata") { return .textract }
        if node.has("analyzeResult") || node.has("readResults") || node.has("modelId") || node.has("apiVersion")
            || (node.has("status") && node.has("createdDateTime")) { return .azure }
        if node["document"].isObject { return .documentAI }
        let page = node["pages"][0]
        if page.has("dimension") || page.has("tokens") || page.has("layout") || node.has("shardInfo") { return .documentAI }
        if page.has("unit") || page.has("pageNumber") || page["words"][0].has("content") { return .azure }
        return .native
    }

    /// The native format's shape (`"words"` of `"text"` with `"box"` or `"start"`) and none of the other
    /// formats' key names in the first few kilobytes: decided without parsing the whole file twice.
    private static func looksNative(_ start: Substring.UTF8View.SubSequence) -> Bool {
        Array(start).withUnsafeBytes(looksNative)
    }

    /// Whether `data` is a JSON object that ``looksNative(_:)-(UnsafeRawBufferPointer)``: the native format is
    /// then read from the bytes without decoding them into a String first (a batch's documents are mostly
    /// native JSON).
    static func looksNative(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let opening = raw.firstIndex { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            guard let opening, raw[opening] == UInt8(ascii: "{") else { return false }
            return looksNative(UnsafeRawBufferPointer(rebasing: raw[..<min(raw.count, 4096)]))
        }
    }

    private static func looksNative(_ head: UnsafeRawBufferPointer) -> Bool {
        // Byte search: Foundation's string search is slow enough to show in a profile here.
        func has(_ key: [UInt8]) -> Bool { head.containsBytes(key) }
        return has(nativeKeys.words) && (has(nativeKeys.box) || has(nativeKeys.start)) && !otherFormatsKeys.contains(where: has)
    }

    private static let nativeKeys = (words: Array(#""words""#.utf8), box: Array(#""box""#.utf8), start: Array(#""start""#.utf8))
    private static let otherFormatsKeys = ["\"content\"", "\"textAnnotations\"", "\"fullTextAnnotation\"", "\"responses\"", "\"Blocks\"",
                                           "\"BlockType\"", "\"analyzeResult\"", "\"readResults\"", "\"tokens\"", "\"dimension\"",
                                           "\"layout\"", "\"boundingBox\"", "\"textAnchor\"", "\"document\"", "\"apiVersion\""].map { Array($0.utf8) }

    private static func sniffJSONByKeyNames(_ start: Substring) -> OCRFormat {
        let markers: [(String, OCRFormat)] = [
            ("\"textAnnotations\"", .googleVision), ("\"fullTextAnnotation\"", .googleVision), ("\"responses\"", .googleVision),
            ("\"BlockType\"", .textract), ("\"Blocks\"", .textract), ("\"analyzeResult\"", .azure), ("\"readResults\"", .azure),
            ("\"textAnchor\"", .documentAI), ("\"dimension\"", .documentAI),
        ]
        let found = markers.compactMap { marker, format in start.range(of: marker).map { ($0.lowerBound, format) } }
        return found.min { $0.0 < $1.0 }?.1 ?? .native
    }
}
