import Foundation

/// A fixture's ground truth, written by the generator that printed the card: what is on it.
public struct GroundTruth: Sendable {
    /// The rule's type code the document is of.
    public let documentType: String
    /// The reference date ages and expiry are judged at.
    public let asOf: CalendarDate
    /// Field values in the flat output form (numbers as decimal text).
    public let fields: [String: String]
    /// Whether the fixture leaves out a side the type keeps required fields on, when the truth says.
    public let requiresBackSide: Bool?

    /// Reads a `.truth.json` file: `{"documentType", "asOf": "YYYY-MM-DD", "fields": {…}}`.
    public init(contentsOf url: URL) throws(OCRInputError) {
        let source = url.path
        guard let data = FileManager.default.contents(atPath: source),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw OCRInputError(source: source, problem: "not a JSON object; a truth file holds {\"documentType\", \"asOf\", \"fields\"}")
        }
        guard let type = object["documentType"] as? String else {
            throw OCRInputError(source: source, problem: "missing \"documentType\" (a rule's type code)")
        }
        guard let asOfText = object["asOf"] as? String, let asOf = CalendarDate(iso: asOfText) else {
            throw OCRInputError(source: source, problem: "missing or malformed \"asOf\"; write the reference date as YYYY-MM-DD")
        }
        guard let fields = object["fields"] as? [String: Any] else {
            throw OCRInputError(source: source, problem: "missing \"fields\": the values printed on the document")
        }
        documentType = type
        self.asOf = asOf
        requiresBackSide = object["requiresBackSide"] as? Bool
        self.fields = fields.mapValues { value in
            if let number = value as? NSNumber, !(value is String) { return number.stringValue }
            return "\(value)"
        }
    }
}
