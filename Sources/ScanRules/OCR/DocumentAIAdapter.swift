import Foundation

/// Reads a Google Document AI `Document` as JSON (or a `ProcessResponse` holding it in `document`).
///
/// The text is the document's `text`; each page's `tokens` are its words, at their `textAnchor` segments
/// (int64 indices written as strings; an omitted `startIndex` is 0). The indices count Unicode code points
/// (checked on a Spanish sample: `MÉXICO`, `AÑO`, `SECCIÓN` only line up counting code points), so they are
/// used as they are. A token's segment includes the whitespace after it; that is trimmed off the word.
/// Boxes come from pixel `vertices`, or from `normalizedVertices` times the page's `dimension`; omitted
/// coordinates are 0. A token's line is the page `lines` entry holding it (without `lines`, the text line
/// it falls on). Confidence is the token's `layout.confidence` (1 when absent).
enum DocumentAIAdapter {
    static let format = OCRFormat.documentAI.displayName

    static func read(_ data: Data, source: String) throws(OCRInputError) -> OCRDocument {
        let root = try JSONNode(parsing: data, format: format, source: source)
        let document = root["document"].isObject ? root["document"] : root
        let text = try document["text"].string()
        let scalars = Array(text.unicodeScalars)
        let newlines = scalars.indices.filter { scalars[$0] == "\n" }
        var pages: [OCRPage] = []
        var lineBase = 0
        for (pageIndex, page) in try document["pages"].array().enumerated() {
            let width = try page["dimension"].object()["width"].number(), height = try page["dimension"]["height"].number()
            guard width > 0, height > 0 else { throw page["dimension"].failure("has width \(width) and height \(height); both must be positive") }
            var lineRanges: [Range<Int>] = []
            for line in try page["lines"].optionalArray() {
                lineRanges.append(try span(line["layout"]["textAnchor"], count: scalars.count))
            }
            var words: [OCRWord] = []
            for token in try page["tokens"].optionalArray() {
                let anchor = token["layout"]["textAnchor"]
                var range = try span(anchor, count: scalars.count)
                while range.lowerBound < range.upperBound, scalars[range.lowerBound].properties.isWhitespace { range = (range.lowerBound + 1)..<range.upperBound }
                while range.lowerBound < range.upperBound, scalars[range.upperBound - 1].properties.isWhitespace { range = range.lowerBound..<(range.upperBound - 1) }
                guard !range.isEmpty else { continue }
                let polygon = try points(token["layout"]["boundingPoly"], width: width, height: height)
                let box = BoundingBox(enclosing: polygon)
                let line: Int
                if lineRanges.isEmpty {
                    line = newlines.prefix { $0 < range.lowerBound }.count
                } else {
                    line = lineBase + (lineRanges.lastIndex { $0.lowerBound <= range.lowerBound } ?? 0)
                }
                words.append(OCRWord(text: String(String.UnicodeScalarView(scalars[range])), start: range.lowerBound,
                                     end: range.upperBound, box: box,
                                     confidence: min(1, max(0, try token["layout"]["confidence"].number(default: 1))),
                                     line: line, page: pageIndex, polygon: polygon.keptBeside(box)))
            }
            lineBase += lineRanges.count
            pages.append(OCRPage(width: width, height: height, words: words))
        }
        return OCRDocument(text: text, pages: pages)
    }

    /// The code points a text anchor covers, from its first segment's start to its last segment's end.
    private static func span(_ anchor: JSONNode, count: Int) throws(OCRInputError) -> Range<Int> {
        let segments = try anchor["textSegments"].array()
        guard !segments.isEmpty else { throw anchor["textSegments"].failure("is empty; a token needs the span of text it reads") }
        var lower = Int.max, upper = 0
        for segment in segments {
            let start = try segment["startIndex"].integer(default: 0)
            let end = try segment["endIndex"].integer()
            guard 0 <= start, start <= end, end <= count else {
                throw segment.failure("spans \(start)..<\(end), outside the text's \(count) code points; is `text` the document's whole text?")
            }
            lower = min(lower, start)
            upper = max(upper, end)
        }
        return lower..<upper
    }

    private static func points(_ poly: JSONNode, width: Double, height: Double) throws(OCRInputError) -> [OCRPoint] {
        var result: [OCRPoint] = []
        let vertices = try poly["vertices"].optionalArray()
        if !vertices.isEmpty {
            for vertex in vertices { result.append(OCRPoint(x: try vertex["x"].number(default: 0), y: try vertex["y"].number(default: 0))) }
            return result
        }
        for vertex in try poly["normalizedVertices"].optionalArray() {
            result.append(OCRPoint(x: try vertex["x"].number(default: 0) * width, y: try vertex["y"].number(default: 0) * height))
        }
        guard !result.isEmpty else { throw poly.failure("has neither vertices nor normalizedVertices") }
        return result
    }
}
