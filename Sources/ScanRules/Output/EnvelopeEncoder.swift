/// Encodes an ``Extraction`` as the Scan Studio v3 response's `data` object: the document-level keys
/// (`documentType`, `documentCategory`, `status`, `requiresBackSide`, …) around the v3 `OCRExtraction`.
///
/// Only what extraction knows is written; the service's own bookkeeping (client, image URL, record ids,
/// signature) is not invented. `missingRequiredFields` is added when a required field was not found, so
/// a `NEEDS_MANUAL_VERIFICATION` status says why.
public enum EnvelopeEncoder {
    /// The `{"data": {…}}` object for one extraction.
    public static func encode(_ extraction: Extraction) -> JSONValue {
        var data: [(key: String, value: JSONValue)] = []
        // The service writes age as text at this level (and as a number inside OCRExtraction).
        if let age = extraction.field("age") { data.append(("age", .string(age.value))) }
        if let country = extraction.country { data.append(("country", .string(country))) }
        data.append(("documentCategory", .string(extraction.category)))
        if let number = extraction.field("documentNumber") { data.append(("documentNumber", .string(number.value))) }
        data.append(("documentType", .string(extraction.documentType)))
        for name in ["gender", "nationality"] {
            if let field = extraction.field(name) { data.append((name, .string(field.value))) }
        }
        data.append(("OCRExtraction", V3Encoder.encode(extraction)))
        data.append(("requiresBackSide", .bool(extraction.requiresBackSide)))
        data.append(("status", .string(extraction.status.rawValue)))
        if !extraction.missingRequired.isEmpty {
            data.append(("missingRequiredFields", .array(extraction.missingRequired.map(JSONValue.string))))
        }
        data.append(("type", .string("ocr")))
        return .object([("data", .object(data))])
    }
}
