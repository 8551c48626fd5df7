import Foundation

/// Reads AWS Textract responses: DetectDocumentText, AnalyzeDocument (its FORMS/TABLES blocks are
/// ignored), an async job result (`JobStatus`), and AnalyzeID (the `Blocks` of every
/// `IdentityDocuments[]` entry, one page each).
///
/// Pages are `PAGE` blocks in order, lines their `CHILD` `LINE` blocks, words the lines' `CHILD` `WORD`
/// blocks; without `PAGE` blocks, lines are grouped by their `Page` number. The text is rebuilt, words
/// joined by a space and lines by a newline. Confidence is `Confidence` / 100.
///
/// Textract gives geometry as fractions of the page (0…1) and does not report the image size, so every
/// page is a nominal **1000 × 1000**: `box` is `Geometry.BoundingBox` × 1000, the polygon
/// `Geometry.Polygon` × 1000. Normalised coordinates are exact; distances in word heights are measured on
/// a square page, so on a wide card horizontal gaps look shorter than they are.
enum TextractAdapter {
    static let format = OCRFormat.textract.displayName
    /// The nominal page size Textract's fractions are multiplied by.
    static let nominalPageSize = 1000.0

    static func read(_ data: Data, source: String) throws(OCRInputError) -> OCRDocument {
        let root = try JSONNode(parsing: data, format: format, source: source)
        if let status = try root["JobStatus"].optionalString(), status != "SUCCEEDED", status != "PARTIAL_SUCCESS" {
            throw root["JobStatus"].failure("is '\(status)'; fetch the job's result once it has SUCCEEDED")
        }
        var blockLists: [JSONNode] = []
        if root.has("IdentityDocuments") {
            for document in try root["IdentityDocuments"].array() { blockLists.append(document["Blocks"]) }
        } else {
            blockLists.append(root["Blocks"])
        }
        var builder = DocumentBuilder()
        for list in blockLists {
            try readBlocks(try list.array(), into: &builder)
        }
        return builder.build()
    }

    private static func readBlocks(_ blocks: [JSONNode], into builder: inout DocumentBuilder) throws(OCRInputError) {
        var byID: [String: JSONNode] = [:]
        for block in blocks {
            if let id = try block["Id"].optionalString() { byID[id] = block }
        }
        var pages: [[JSONNode]] = []
        var pageBlocks: [JSONNode] = []
        for block in blocks where try block["BlockType"].string() == "PAGE" { pageBlocks.append(block) }
        if pageBlocks.isEmpty {
            var byNumber: [Int: [JSONNode]] = [:]
            for block in blocks where try block["BlockType"].string() == "LINE" {
                byNumber[try block["Page"].integer(default: 1), default: []].append(block)
            }
            pages = byNumber.keys.sorted().map { byNumber[$0]! }
        } else {
            for page in pageBlocks {
                pages.append(try children(of: page, type: "LINE", in: byID))
            }
        }
        for lines in pages {
            builder.startPage(width: nominalPageSize, height: nominalPageSize)
            for line in lines {
                let words = try children(of: line, type: "WORD", in: byID)
                for word in words.isEmpty ? [line] : words {
                    try add(word, to: &builder)
                }
                builder.endLine()
            }
        }
    }

    /// The blocks of `type` a block names in its `CHILD` relationships, in order.
    private static func children(of block: JSONNode, type: String, in byID: [String: JSONNode]) throws(OCRInputError) -> [JSONNode] {
        var result: [JSONNode] = []
        for relationship in try block["Relationships"].optionalArray() where try relationship["Type"].string() == "CHILD" {
            for id in try relationship["Ids"].array() {
                let name = try id.string()
                guard let child = byID[name] else {
                    throw id.failure("('\(name)') names no block in the file; is the response complete (all pages of NextToken fetched)?")
                }
                if try child["BlockType"].string() == type { result.append(child) }
            }
        }
        return result
    }

    private static func add(_ word: JSONNode, to builder: inout DocumentBuilder) throws(OCRInputError) {
        let geometry = word["Geometry"]
        let frame = try geometry["BoundingBox"].object()
        let left = try frame["Left"].number(), top = try frame["Top"].number()
        let box = BoundingBox(left: left * nominalPageSize, top: top * nominalPageSize,
                              right: (left + (try frame["Width"].number())) * nominalPageSize,
                              bottom: (top + (try frame["Height"].number())) * nominalPageSize)
        var polygon: [OCRPoint] = []
        for point in try geometry["Polygon"].optionalArray() {
            polygon.append(OCRPoint(x: try point["X"].number() * nominalPageSize, y: try point["Y"].number() * nominalPageSize))
        }
        builder.addWord(try word["Text"].string(), box: box, polygon: polygon.isEmpty ? nil : polygon,
                        confidence: try word["Confidence"].number(default: 100) / 100)
    }
}
