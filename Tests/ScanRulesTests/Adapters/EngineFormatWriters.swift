import Foundation
@testable import ScanRules

/// Writes an `OCRDocument` in each engine's own shape, so one known document can be read back through
/// every adapter. Only what the adapters read is written, in the engines' spelling and quirks
/// (protobuf's omitted zeros and string int64s, Azure's UTF-16 spans, Textract's fractions).
enum EngineFormatWriters {
    static func lines(of page: OCRPage) -> [[OCRWord]] {
        Dictionary(grouping: page.words, by: \.line).sorted { $0.key < $1.key }.map { $0.value.sorted { $0.start < $1.start } }
    }

    static func json(_ object: Any) -> Data {
        try! JSONSerialization.data(withJSONObject: object)
    }

    static func tesseractTSV(_ document: OCRDocument) -> Data {
        var rows = [TesseractTSVAdapter.header]
        for (pageIndex, page) in document.pages.enumerated() {
            rows.append("1\t\(pageIndex + 1)\t0\t0\t0\t0\t0\t0\t\(Int(page.width))\t\(Int(page.height))\t-1\t")
            for (lineIndex, line) in lines(of: page).enumerated() {
                for (wordIndex, word) in line.enumerated() {
                    let b = word.box
                    rows.append("5\t\(pageIndex + 1)\t1\t1\t\(lineIndex + 1)\t\(wordIndex + 1)\t\(b.left)\t\(b.top)\t\(b.width)\t\(b.height)\t\(word.confidence * 100)\t\(word.text)")
                }
            }
        }
        return Data((rows.joined(separator: "\n") + "\n").utf8)
    }

    static func hocr(_ document: OCRDocument) -> Data {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&#39;")
        }
        var html = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head><meta charset='utf-8'/></head><body>\n"
        for page in document.pages {
            html += "<div class='ocr_page' title='image \"card.png\"; bbox 0 0 \(Int(page.width)) \(Int(page.height)); ppageno 0'>\n"
            for line in lines(of: page) {
                html += " <span class='ocr_line' title=\"bbox 0 0 1 1\">"
                for word in line {
                    let b = word.box
                    html += "<span class='ocrx_word' title='bbox \(Int(b.left)) \(Int(b.top)) \(Int(b.right)) \(Int(b.bottom)); x_wconf \(Int((word.confidence * 100).rounded()))'>\(escape(word.text))</span> "
                }
                html += "</span>\n"
            }
            html += "</div>\n"
        }
        return Data((html + "</body></html>\n").utf8)
    }

    /// Protobuf JSON omits zero coordinates.
    private static func vertex(_ x: Double, _ y: Double, upper: Bool = false) -> [String: Any] {
        var result: [String: Any] = [:]
        if x != 0 { result[upper ? "X" : "x"] = x }
        if y != 0 { result[upper ? "Y" : "y"] = y }
        return result
    }

    private static func vertices(_ box: BoundingBox, scaleX: Double = 1, scaleY: Double = 1) -> [[String: Any]] {
        box.corners.map { vertex($0.x / scaleX, $0.y / scaleY) }
    }

    static func googleVision(_ document: OCRDocument) -> Data {
        let pages: [[String: Any]] = document.pages.map { page in
            let blocks: [[String: Any]] = lines(of: page).map { line in
                let words: [[String: Any]] = line.enumerated().map { index, word in
                    let characters = Array(word.text)
                    let symbols: [[String: Any]] = characters.enumerated().map { position, character in
                        var symbol: [String: Any] = ["text": String(character)]
                        if position == characters.count - 1 {
                            symbol["property"] = ["detectedBreak": ["type": index == line.count - 1 ? "LINE_BREAK" : "SPACE"]]
                        }
                        return symbol
                    }
                    return ["boundingBox": ["vertices": vertices(word.box)], "symbols": symbols, "confidence": word.confidence]
                }
                return ["paragraphs": [["words": words]]]
            }
            return ["width": page.width, "height": page.height, "blocks": blocks]
        }
        return json(["responses": [["fullTextAnnotation": ["text": document.text, "pages": pages]]]])
    }

    static func googleVisionTextAnnotations(_ document: OCRDocument) -> Data {
        var annotations: [[String: Any]] = [["description": document.text, "boundingPoly": ["vertices": [vertex(0, 0)]]]]
        for word in document.words {
            annotations.append(["description": word.text, "boundingPoly": ["vertices": vertices(word.box)]])
        }
        return json(["textAnnotations": annotations])
    }

    private static func anchor(_ start: Int, _ end: Int) -> [String: Any] {
        var segment: [String: Any] = ["endIndex": String(end)]
        if start != 0 { segment["startIndex"] = String(start) }
        return ["textSegments": [segment]]
    }

    static func documentAI(_ document: OCRDocument) -> Data {
        let pages: [[String: Any]] = document.pages.enumerated().map { index, page in
            let tokens: [[String: Any]] = page.words.map { word in
                ["layout": ["textAnchor": anchor(word.start, word.end), "confidence": word.confidence,
                            "boundingPoly": ["normalizedVertices": vertices(word.box, scaleX: page.width, scaleY: page.height)]]]
            }
            let lineAnchors: [[String: Any]] = lines(of: page).map { line in
                ["layout": ["textAnchor": anchor(line.first!.start, line.last!.end)]]
            }
            return ["pageNumber": index + 1, "dimension": ["width": page.width, "height": page.height, "unit": "pixels"],
                    "tokens": tokens, "lines": lineAnchors]
        }
        return json(["document": ["text": document.text, "pages": pages]])
    }

    /// v3/v4 shape in inches with UTF-16 spans.
    static func azure(_ document: OCRDocument) -> Data {
        let utf16Offset: (Int) -> Int = { scalar in
            document.text.unicodeScalars.prefix(scalar).reduce(0) { $0 + $1.utf16.count }
        }
        func span(_ start: Int, _ end: Int) -> [String: Any] {
            ["offset": utf16Offset(start), "length": utf16Offset(end) - utf16Offset(start)]
        }
        let inch = AzureAdapter.unitsPerInch
        let pages: [[String: Any]] = document.pages.enumerated().map { index, page in
            let words: [[String: Any]] = page.words.map { word in
                ["content": word.text, "span": span(word.start, word.end), "confidence": word.confidence,
                 "polygon": word.box.corners.flatMap { [$0.x / inch, $0.y / inch] }]
            }
            let lineList: [[String: Any]] = lines(of: page).map { line in
                ["content": line.map(\.text).joined(separator: " "), "spans": [span(line.first!.start, line.last!.end)]]
            }
            return ["pageNumber": index + 1, "width": page.width / inch, "height": page.height / inch, "unit": "inch",
                    "words": words, "lines": lineList]
        }
        return json(["status": "succeeded", "analyzeResult": ["apiVersion": "2024-11-30", "modelId": "prebuilt-read",
                                                               "stringIndexType": "utf16CodeUnit", "content": document.text, "pages": pages]])
    }

    static func azureVersion2(_ document: OCRDocument) -> Data {
        let readResults: [[String: Any]] = document.pages.enumerated().map { index, page in
            let lineList: [[String: Any]] = lines(of: page).map { line in
                ["text": line.map(\.text).joined(separator: " "),
                 "words": line.map { ["text": $0.text, "confidence": $0.confidence, "boundingBox": $0.box.corners.flatMap { [$0.x, $0.y] }] }]
            }
            return ["page": index + 1, "width": page.width, "height": page.height, "unit": "pixel", "lines": lineList]
        }
        return json(["status": "succeeded", "analyzeResult": ["version": "2.1.0", "readResults": readResults]])
    }

    static func textract(_ document: OCRDocument) -> Data {
        var blocks: [[String: Any]] = []
        var counter = 0
        func nextID() -> String { counter += 1; return "id-\(counter)" }
        func geometry(_ box: BoundingBox, _ page: OCRPage) -> [String: Any] {
            ["BoundingBox": ["Left": box.left / page.width, "Top": box.top / page.height,
                             "Width": box.width / page.width, "Height": box.height / page.height],
             "Polygon": box.corners.map { ["X": $0.x / page.width, "Y": $0.y / page.height] }]
        }
        for page in document.pages {
            var lineIDs: [String] = []
            var pageBlocks: [[String: Any]] = []
            for line in lines(of: page) {
                var wordIDs: [String] = []
                for word in line {
                    let id = nextID()
                    wordIDs.append(id)
                    pageBlocks.append(["BlockType": "WORD", "Id": id, "Text": word.text, "TextType": "PRINTED",
                                       "Confidence": word.confidence * 100, "Geometry": geometry(word.box, page)])
                }
                let id = nextID()
                lineIDs.append(id)
                let box = line.dropFirst().reduce(line[0].box) { $0.union($1.box) }
                pageBlocks.append(["BlockType": "LINE", "Id": id, "Text": line.map(\.text).joined(separator: " "),
                                   "Confidence": 99.0, "Geometry": geometry(box, page),
                                   "Relationships": [["Type": "CHILD", "Ids": wordIDs]]])
            }
            blocks.append(["BlockType": "PAGE", "Id": nextID(), "Geometry": geometry(BoundingBox(left: 0, top: 0, right: page.width, bottom: page.height), page),
                           "Relationships": [["Type": "CHILD", "Ids": lineIDs]]])
            blocks += pageBlocks
        }
        return json(["DocumentMetadata": ["Pages": document.pages.count], "Blocks": blocks])
    }

    /// One detection per line, its quadrilateral the line's box: word boxes come back as estimates.
    static func paddleOCR(_ document: OCRDocument) -> Data {
        let pageLines: [String] = document.pages.enumerated().map { index, page in
            let detections: [[String: Any]] = lines(of: page).map { line in
                let box = line.dropFirst().reduce(line[0].box) { $0.union($1.box) }
                return ["transcription": line.map(\.text).joined(separator: " "),
                        "points": box.corners.map { [Int($0.x.rounded()), Int($0.y.rounded())] }]
            }
            return "page\(index + 1).jpg\t" + String(decoding: json(detections), as: UTF8.self)
        }
        return Data((pageLines.joined(separator: "\n") + "\n").utf8)
    }
}
