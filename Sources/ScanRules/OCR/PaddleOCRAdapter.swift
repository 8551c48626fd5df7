import Foundation

/// Reads PaddleOCR's `system_results.txt` (`tools/infer/predict_system.py`): one line per image,
/// `IMAGE<TAB>[{"transcription": "…", "points": [[x, y] ×4]}, …]`.
///
/// Each image is a page and each detection a line, in the engine's order (PaddleOCR sorts detections
/// roughly top to bottom; tilted signs can come out of reading order). A detection's text is split into
/// words at spaces, and each word gets the slice of the detection's quadrilateral proportional to its
/// position in the text (an estimate: PaddleOCR gives no word boxes). The quadrilateral is kept as the
/// word's polygon when tilted. PaddleOCR 2.x writes no scores, so confidence is 1 ("not known", as for a
/// native word without confidence); a `score` key, when present, is used. PaddleOCR does not record the
/// image size, so a page is as large as its text reaches.
enum PaddleOCRAdapter {
    static let format = OCRFormat.paddleOCR.displayName

    static func looksLikePaddleOCR(_ firstLine: Substring) -> Bool {
        guard let tab = firstLine.firstIndex(of: "\t") else { return false }
        let list = firstLine[firstLine.index(after: tab)...].drop { $0 == " " }
        return list.hasPrefix("[") && (list.contains("\"transcription\"") || list.hasPrefix("[]"))
    }

    static func read(_ content: String, source: String) throws(OCRInputError) -> OCRDocument {
        var builder = DocumentBuilder()
        var images = 0
        for (index, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            let place = "\(format), line \(index + 1)"
            guard let tab = line.firstIndex(of: "\t") else {
                throw OCRInputError(source: source, problem: "\(place): no tab between the image name and the JSON list of detections; expected IMAGE<TAB>[{\"transcription\": …, \"points\": …}]")
            }
            let root = try JSONNode(parsing: Data(line[line.index(after: tab)...].utf8), format: place, source: source)
            let detections = try root.array()
            images += 1
            builder.startPage(width: nil, height: nil)
            for detection in detections {
                let text = try detection["transcription"].string()
                let points = try detection["points"].array()
                guard points.count >= 3 else { throw points.isEmpty ? detection["points"].failure("is empty") : detection["points"].failure("has \(points.count) points; expected a quadrilateral of 4 [x, y] points") }
                var corners: [OCRPoint] = []
                for point in points {
                    corners.append(OCRPoint(x: try point[0].number(), y: try point[1].number()))
                }
                let confidence = try detection["score"].number(default: 1)
                addDetection(text, corners: corners, confidence: confidence, to: &builder)
                builder.endLine()
            }
        }
        guard images > 0 else {
            throw OCRInputError(source: source, problem: "\(format): no lines of IMAGE<TAB>[detections]; the file is empty")
        }
        return builder.build()
    }

    /// Splits a detection into words, each with its share of the quadrilateral (top edge p0→p1, bottom
    /// edge p3→p2, interpolated by code-point position).
    private static func addDetection(_ text: String, corners: [OCRPoint], confidence: Double, to builder: inout DocumentBuilder) {
        let scalars = Array(text.unicodeScalars)
        guard corners.count == 4, !scalars.isEmpty else {
            builder.addWord(text, box: BoundingBox(enclosing: corners), polygon: corners, confidence: confidence)
            return
        }
        func along(_ from: OCRPoint, _ to: OCRPoint, _ fraction: Double) -> OCRPoint {
            OCRPoint(x: from.x + (to.x - from.x) * fraction, y: from.y + (to.y - from.y) * fraction)
        }
        let total = Double(scalars.count)
        var position = 0
        while position < scalars.count {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
            let start = position
            while position < scalars.count, !scalars[position].properties.isWhitespace { position += 1 }
            guard position > start else { break }
            let word = String(String.UnicodeScalarView(scalars[start..<position]))
            let (a, b) = (Double(start) / total, Double(position) / total)
            let polygon = start == 0 && position == scalars.count ? corners : [
                along(corners[0], corners[1], a), along(corners[0], corners[1], b),
                along(corners[3], corners[2], b), along(corners[3], corners[2], a),
            ]
            builder.addWord(word, box: BoundingBox(enclosing: polygon), polygon: polygon, confidence: confidence)
        }
    }
}
