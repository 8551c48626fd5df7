import Foundation

/// A value inside a parsed JSON file that knows where it sits (`responses[0].fullTextAnnotation`), so an
/// adapter can say exactly which key is missing or has the wrong type.
///
/// Reading a missing key gives a node whose value is `nil`; only asking it for a value fails. JSON `null`
/// counts as missing, as protobuf-to-JSON writers emit it for unset fields.
struct JSONNode {
    /// What kind of file this is, for errors ("Google Cloud Vision JSON").
    let format: String
    let source: String
    let value: Any?
    /// The path of the parent (empty for the top level) and this node's own step (`.key` or `[3]`).
    private let parentPath: String
    private let step: String

    init(parsing data: Data, format: String, source: String) throws(OCRInputError) {
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
            throw OCRInputError(source: source, problem: "\(format): not valid JSON (\(detail)); the file may be truncated — save the engine's complete response")
        }
        self.format = format
        self.source = source
        parentPath = ""
        step = ""
    }

    init(root: Any, format: String, source: String) {
        self.format = format
        self.source = source
        value = root
        parentPath = ""
        step = ""
    }

    private init(value: Any?, parent: JSONNode, step: String) {
        format = parent.format
        source = parent.source
        self.value = value is NSNull ? nil : value
        parentPath = parent.path
        self.step = step
    }

    /// Where this node is, e.g. `responses[0].fullTextAnnotation.pages[0]`.
    var path: String {
        if parentPath.isEmpty { return step.hasPrefix(".") ? String(step.dropFirst()) : step }
        return parentPath + step
    }

    private var place: String { path.isEmpty ? "the top level" : path }
    private var parentPlace: String { parentPath.isEmpty ? "the top level" : parentPath }
    private var key: String { step.hasPrefix(".") ? String(step.dropFirst()) : step }

    var exists: Bool { value != nil }

    subscript(key: String) -> JSONNode {
        JSONNode(value: (value as? [String: Any])?[key], parent: self, step: ".\(key)")
    }

    subscript(index: Int) -> JSONNode {
        let items = value as? [Any]
        return JSONNode(value: items.flatMap { index < $0.count ? $0[index] : nil }, parent: self, step: "[\(index)]")
    }

    /// Whether this is an object holding `key` (with a non-null value).
    func has(_ key: String) -> Bool { self[key].exists }

    var isObject: Bool { value is [String: Any] }

    /// An error about this node: "Format: path problem".
    func failure(_ problem: String) -> OCRInputError {
        OCRInputError(source: source, problem: "\(format): \(place) \(problem)")
    }

    private func missing() -> OCRInputError {
        OCRInputError(source: source, problem: "\(format): \(parentPlace) has no \(key)")
    }

    private func wrongType(_ expected: String) -> OCRInputError {
        failure("should be \(expected), found \(JSONNode.describe(value))")
    }

    /// The elements of a required array.
    func array() throws(OCRInputError) -> [JSONNode] {
        guard exists else { throw missing() }
        return try optionalArray()
    }

    /// The elements of an array; a missing or null one is empty.
    func optionalArray() throws(OCRInputError) -> [JSONNode] {
        guard let value else { return [] }
        guard let items = value as? [Any] else { throw wrongType("a list") }
        return items.indices.map { JSONNode(value: items[$0], parent: self, step: "[\($0)]") }
    }

    /// A required object.
    func object() throws(OCRInputError) -> JSONNode {
        guard exists else { throw missing() }
        guard isObject else { throw wrongType("an object") }
        return self
    }

    /// A required number.
    func number() throws(OCRInputError) -> Double {
        guard exists else { throw missing() }
        return try optionalNumber()!
    }

    /// A number, or `fallback` when missing (protobuf JSON omits zeros).
    func number(default fallback: Double) throws(OCRInputError) -> Double {
        try optionalNumber() ?? fallback
    }

    func optionalNumber() throws(OCRInputError) -> Double? {
        guard let value else { return nil }
        if let number = value as? NSNumber, !(value is String) { return number.doubleValue }
        throw wrongType("a number")
    }

    /// A required string.
    func string() throws(OCRInputError) -> String {
        guard exists else { throw missing() }
        return try optionalString()!
    }

    func optionalString() throws(OCRInputError) -> String? {
        guard let value else { return nil }
        guard let text = value as? String else { throw wrongType("a string") }
        return text
    }

    /// A required integer, written as a string (protobuf int64) or a number.
    func integer() throws(OCRInputError) -> Int {
        guard exists else { throw missing() }
        return try integer(default: 0)
    }

    /// An integer written as a string (protobuf int64, `"123"`) or a number; missing is `fallback`.
    func integer(default fallback: Int) throws(OCRInputError) -> Int {
        guard let value else { return fallback }
        if let text = value as? String {
            guard let number = Int(text) else { throw wrongType("an integer") }
            return number
        }
        guard let number = try optionalNumber(), number == number.rounded(), abs(number) < 1e15 else {
            throw wrongType("an integer")
        }
        return Int(number)
    }

    private static func describe(_ value: Any?) -> String {
        switch value {
        case nil: return "nothing"
        case let text as String: return "the string \"\(text.prefix(30))\""
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        case let number as NSNumber: return "\(number)"
        default: return "\(value!)"
        }
    }
}
