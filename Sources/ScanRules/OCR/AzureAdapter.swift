import Foundation

/// Reads Azure AI Document Intelligence (formerly Form Recognizer) results, with or without the
/// `{"status", "analyzeResult"}` envelope.
///
/// - v2.1 (`readResults[].lines[].words[]`): the text is rebuilt, words joined by a space and lines by a
///   newline; boxes from the 8-number `boundingBox`.
/// - v3 previews (`words[].boundingBox`) and v3/v4 (`words[].polygon`): the text is `content`; word
///   `span`s are converted from the result's `stringIndexType` (`textElements`, the REST default,
///   `utf16CodeUnit` or `unicodeCodePoint`) to code points; a word's line is the page line whose spans hold it.
///
/// Pages measured in inches (`unit: inch`, PDF input) are converted to 96 units per inch, pages, boxes and
/// polygons alike, so word heights are pixel-like and normalised coordinates are unchanged. Confidence is
/// the word's `confidence` (1 when absent). Tilted words keep their polygon.
enum AzureAdapter {
    static let format = OCRFormat.azure.displayName
    /// Units per inch for pages Azure measures in inches.
    static let unitsPerInch = 96.0

    static func read(_ data: Data, source: String) throws(OCRInputError) -> OCRDocument {
        let root = try JSONNode(parsing: data, format: format, source: source)
        if let status = try root["status"].optionalString(), status != "succeeded" {
            throw root["status"].failure("is '\(status)', not 'succeeded': \(status == "failed" ? "the analysis failed (see error)" : "the analysis had not finished; fetch the result again once it has")")
        }
        let result = root.has("analyzeResult") ? root["analyzeResult"] : root
        if result.has("readResults") { return try readVersion2(result) }
        guard result.has("content") || result.has("pages") else {
            throw result.failure("has neither readResults (v2.1) nor content and pages (v3, v4); is this an Analyze result?")
        }
        return try readVersion3(result)
    }

    private static func scale(of page: JSONNode) throws(OCRInputError) -> Double {
        switch try page["unit"].optionalString() {
        case nil, "pixel"?: return 1
        case "inch"?: return unitsPerInch
        case let other?: throw page["unit"].failure("is '\(other)'; expected 'pixel' or 'inch'")
        }
    }

    private static func size(of page: JSONNode) throws(OCRInputError) -> (width: Double, height: Double, scale: Double) {
        let scale = try scale(of: page)
        let width = try page["width"].number(), height = try page["height"].number()
        guard width > 0, height > 0 else { throw page.failure("has width \(width) and height \(height); both must be positive") }
        return (width * scale, height * scale, scale)
    }

    /// An 8-number flat polygon `[x1, y1, …, x4, y4]`, scaled.
    private static func points(_ node: JSONNode, scale: Double) throws(OCRInputError) -> [OCRPoint] {
        let numbers = try node.array()
        guard numbers.count >= 6, numbers.count % 2 == 0 else {
            throw node.failure("has \(numbers.count) numbers; expected x, y pairs of a polygon (8 numbers)")
        }
        var result: [OCRPoint] = []
        for pair in stride(from: 0, to: numbers.count, by: 2) {
            result.append(OCRPoint(x: try numbers[pair].number() * scale, y: try numbers[pair + 1].number() * scale))
        }
        return result
    }

    private static func readVersion2(_ result: JSONNode) throws(OCRInputError) -> OCRDocument {
        var builder = DocumentBuilder()
        for page in try result["readResults"].array() {
            let size = try size(of: page)
            builder.startPage(width: size.width, height: size.height)
            for line in try page["lines"].optionalArray() {
                for word in try line["words"].array() {
                    let polygon = try points(word["boundingBox"], scale: size.scale)
                    builder.addWord(try word["text"].string(), box: BoundingBox(enclosing: polygon), polygon: polygon,
                                    confidence: try word["confidence"].number(default: 1))
                }
                builder.endLine()
            }
        }
        return builder.build()
    }

    private static func readVersion3(_ result: JSONNode) throws(OCRInputError) -> OCRDocument {
        let content = try result["content"].string()
        let unitName = try result["stringIndexType"].optionalString() ?? TextIndexMap.Unit.textElements.rawValue
        guard let unit = TextIndexMap.Unit(rawValue: unitName) else {
            throw result["stringIndexType"].failure("is '\(unitName)'; expected textElements, utf16CodeUnit or unicodeCodePoint")
        }
        let index = TextIndexMap(content, unit: unit)
        let scalars = Array(content.unicodeScalars)
        let newlines = scalars.indices.filter { scalars[$0] == "\n" }
        var pages: [OCRPage] = []
        var lineBase = 0
        for (pageIndex, page) in try result["pages"].array().enumerated() {
            let size = try size(of: page)
            let lines = try page["lines"].optionalArray()
            var lineSpans: [(range: Range<Int>, line: Int)] = []
            for (number, line) in lines.enumerated() {
                let spans = line.has("spans") ? try line["spans"].array() : [line["span"]]
                for span in spans { lineSpans.append((try range(span, index, unitName), lineBase + number)) }
            }
            var words: [OCRWord] = []
            for word in try page["words"].optionalArray() {
                let text = try word["content"].string()
                let codePoints = try range(word["span"], index, unitName)
                let found = String(String.UnicodeScalarView(scalars[codePoints]))
                guard found == text else {
                    throw word.failure("('\(text)') has a span that reads '\(found)' in content; its offsets may not be in stringIndexType '\(unitName)'")
                }
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { continue }
                let polygonNode = word.has("polygon") ? word["polygon"] : word["boundingBox"]
                let polygon = try points(polygonNode, scale: size.scale)
                let box = BoundingBox(enclosing: polygon)
                let line: Int
                if let held = lineSpans.first(where: { $0.range.contains(codePoints.lowerBound) }) {
                    line = held.line
                } else {
                    line = newlines.prefix { $0 < codePoints.lowerBound }.count
                }
                words.append(OCRWord(text: text, start: codePoints.lowerBound, end: codePoints.upperBound, box: box,
                                     confidence: min(1, max(0, try word["confidence"].number(default: 1))),
                                     line: line, page: pageIndex, polygon: polygon.keptBeside(box)))
            }
            lineBase += lines.count
            pages.append(OCRPage(width: size.width, height: size.height, words: words))
        }
        return OCRDocument(text: content, pages: pages)
    }

    private static func range(_ span: JSONNode, _ index: TextIndexMap, _ unit: String) throws(OCRInputError) -> Range<Int> {
        let offset = try span["offset"].integer(default: 0), length = try span["length"].integer()
        guard let codePoints = index.codePoints(offset: offset, length: length) else {
            throw span.failure("covers \(offset)..<\(offset + length), beyond content's \(index.count) \(unit) units")
        }
        return codePoints
    }
}
