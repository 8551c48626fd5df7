import Foundation

/// Reads Google Cloud Vision `AnnotateImageResponse` JSON (TEXT_DETECTION or DOCUMENT_TEXT_DETECTION),
/// alone or as a batch `{"responses": […]}` (each response's pages follow the previous one's).
///
/// With `fullTextAnnotation`, each page keeps its `width`/`height`; words are built from their symbols,
/// and what follows a word comes from its last symbol's `detectedBreak` (`SPACE`/`SURE_SPACE`: a space,
/// `EOL_SURE_SPACE`/`LINE_BREAK`: a new line, `HYPHEN`: `-` and a new line, none: nothing), which rebuilds
/// Vision's own `text`. Word confidence is the word's `confidence` (1 when absent).
///
/// With only `textAnnotations` (TEXT_DETECTION before 2017, or a trimmed response), the first annotation's
/// `description` is the text and the others are the words, located in it in order; a word's line is the
/// line of the text it falls on; confidence is 1 (Vision gives none); the page is as large as its text reaches.
///
/// Vertices omit zero coordinates (protobuf JSON), so a missing `x` or `y` is 0.
enum GoogleVisionAdapter {
    static let format = OCRFormat.googleVision.displayName

    static func read(_ data: Data, source: String) throws(OCRInputError) -> OCRDocument {
        let root = try JSONNode(parsing: data, format: format, source: source)
        guard root.isObject else { throw root.failure("should be an object with \"responses\", \"fullTextAnnotation\" or \"textAnnotations\"") }
        let responses = root.has("responses") ? try root["responses"].array() : [root]
        var parts: [OCRDocument] = []
        for response in responses {
            if response["error"].has("message"), !response.has("fullTextAnnotation"), !response.has("textAnnotations") {
                throw response["error"].failure("says the request failed: \(try response["error"]["message"].string())")
            }
            if try !response["fullTextAnnotation"]["pages"].optionalArray().isEmpty {
                parts.append(try readFullText(response["fullTextAnnotation"]))
            } else if try !response["textAnnotations"].optionalArray().isEmpty {
                parts.append(try readTextAnnotations(response["textAnnotations"]))
            } else if !response.isObject {
                throw response.failure("should be an AnnotateImageResponse object")
            }
        }
        guard !parts.isEmpty else {
            throw root.failure("has no fullTextAnnotation.pages nor textAnnotations; was TEXT_DETECTION or DOCUMENT_TEXT_DETECTION requested, and did the image hold text?")
        }
        return OCRDocument.joining(parts)
    }

    private static func readFullText(_ annotation: JSONNode) throws(OCRInputError) -> OCRDocument {
        var builder = DocumentBuilder()
        for page in try annotation["pages"].array() {
            let width = try page["width"].number(), height = try page["height"].number()
            guard width > 0, height > 0 else { throw page.failure("has width \(width) and height \(height); both must be positive") }
            builder.startPage(width: width, height: height)
            for block in try page["blocks"].optionalArray() {
                for paragraph in try block["paragraphs"].optionalArray() {
                    for word in try paragraph["words"].optionalArray() {
                        let symbols = try word["symbols"].array()
                        var text = ""
                        for symbol in symbols { text += try symbol["text"].string() }
                        let polygon = try points(word["boundingBox"], width: width, height: height)
                        builder.addWord(text, box: BoundingBox(enclosing: polygon), polygon: polygon,
                                        confidence: try word["confidence"].number(default: 1))
                        var lastBreak = try symbols.last?["property"]["detectedBreak"]["type"].optionalString()
                        if lastBreak == nil { lastBreak = try word["property"]["detectedBreak"]["type"].optionalString() }
                        switch lastBreak {
                        case "SPACE"?, "SURE_SPACE"?: builder.separate(by: .space)
                        case "EOL_SURE_SPACE"?, "LINE_BREAK"?: builder.endLine()
                        case "HYPHEN"?:
                            builder.appendLoose("-")
                            builder.endLine()
                        default: builder.separate(by: .nothing)
                        }
                    }
                }
            }
        }
        return builder.build()
    }

    private static func readTextAnnotations(_ annotations: JSONNode) throws(OCRInputError) -> OCRDocument {
        let all = try annotations.array()
        let text = try all[0]["description"].string()
        let scalars = Array(text.unicodeScalars)
        let lineStarts = scalars.indices.filter { scalars[$0] == "\n" }
        var cursor = 0
        var words: [OCRWord] = []
        for annotation in all.dropFirst() {
            let wordText = try annotation["description"].string()
            let needle = Array(wordText.unicodeScalars)
            guard let range = locate(needle, in: scalars, from: cursor) else {
                throw annotation["description"].failure("'\(wordText)' does not occur in textAnnotations[0].description after code point \(cursor); the first annotation must be the whole text and the others its words, in order")
            }
            cursor = range.upperBound
            let polygon = try points(annotation["boundingPoly"], width: nil, height: nil)
            let box = BoundingBox(enclosing: polygon)
            let line = lineStarts.prefix { $0 < range.lowerBound }.count
            words.append(OCRWord(text: wordText, start: range.lowerBound, end: range.upperBound, box: box,
                                 confidence: 1, line: line, page: 0, polygon: polygon.keptBeside(box)))
        }
        let width = max(1, words.map(\.box.right).max() ?? 1), height = max(1, words.map(\.box.bottom).max() ?? 1)
        return OCRDocument(text: text, pages: [OCRPage(width: width, height: height, words: words)])
    }

    /// A bounding poly's points: pixel `vertices`, or `normalizedVertices` scaled by the page size.
    private static func points(_ poly: JSONNode, width: Double?, height: Double?) throws(OCRInputError) -> [OCRPoint] {
        let vertices = try poly["vertices"].optionalArray()
        if !vertices.isEmpty {
            var result: [OCRPoint] = []
            for vertex in vertices { result.append(OCRPoint(x: try vertex["x"].number(default: 0), y: try vertex["y"].number(default: 0))) }
            return result
        }
        let normalized = try poly["normalizedVertices"].optionalArray()
        if !normalized.isEmpty, let width, let height {
            var result: [OCRPoint] = []
            for vertex in normalized {
                result.append(OCRPoint(x: try vertex["x"].number(default: 0) * width, y: try vertex["y"].number(default: 0) * height))
            }
            return result
        }
        throw poly.exists ? poly.failure("has no vertices") : poly.failure("is missing; every word needs a bounding box")
    }

    static func locate(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index..<index + needle.count }
        }
        return nil
    }
}
