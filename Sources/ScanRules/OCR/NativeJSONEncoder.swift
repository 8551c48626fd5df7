/// Writes an ``OCRDocument`` as native ScanRules OCR JSON, the format `NativeJSONAdapter` reads:
///
/// ```json
/// {"text": "…", "pages": [{"width": 720, "height": 436, "words": [
///   {"text": "TOVAR", "start": 10, "end": 15, "box": [170, 18, 290, 34], "confidence": 0.99, "line": 2,
///    "polygon": [[170, 20], [290, 18], [290, 32], [170, 34]]}]}]}
/// ```
///
/// `polygon` appears only for tilted words. Reading the output back gives the same document (text, pages,
/// words, offsets, boxes, confidences, lines and polygons), so it shows exactly what the rules see
/// whatever engine produced it — `scanrules ocr` prints it.
public enum NativeJSONEncoder {
    /// The document as a JSON value; `serialized()` gives the text.
    public static func encode(_ document: OCRDocument) -> JSONValue {
        .object([
            ("text", .string(document.text)),
            ("pages", .array(document.pages.map(encode))),
        ])
    }

    private static func encode(_ page: OCRPage) -> JSONValue {
        .object([
            ("width", .double(page.width)),
            ("height", .double(page.height)),
            ("words", .array(page.words.map(encode))),
        ])
    }

    private static func encode(_ word: OCRWord) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("text", .string(word.text)),
            ("start", .int(word.start)),
            ("end", .int(word.end)),
            ("box", .array([word.box.left, word.box.top, word.box.right, word.box.bottom].map(JSONValue.double))),
            ("confidence", .double(word.confidence)),
            ("line", .int(word.line)),
        ]
        if let polygon = word.polygon {
            members.append(("polygon", .array(polygon.map { .array([.double($0.x), .double($0.y)]) })))
        }
        return .object(members)
    }
}
