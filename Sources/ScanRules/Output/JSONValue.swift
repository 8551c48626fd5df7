/// A JSON value that keeps its object keys in insertion order and prints 32-bit floats in their
/// shortest exact form (`0.45555556`), as Document AI's JSON does.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case float(Float)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: return false
        }
    }

    /// Pretty-printed with one space of indent per level, like the seed examples; `indent: nil` writes
    /// one line (for JSON Lines).
    public func serialized(indent: String? = " ") -> String {
        var out = ""
        write(to: &out, level: 0, indent: indent)
        return out
    }

    private func write(to out: inout String, level: Int, indent: String?) {
        let newline = indent == nil ? "" : "\n", colon = indent == nil ? ":" : ": "
        let pad = indent.map { String(repeating: $0, count: level + 1) } ?? "", close = indent.map { String(repeating: $0, count: level) } ?? ""
        switch self {
        case let .string(text): JSONValue.writeString(text, to: &out)
        case let .int(number): out += String(number)
        case let .float(number): out += number.isFinite ? JSONValue.trimmed(number.description) : "null"
        case let .double(number): out += number.isFinite ? JSONValue.trimmed(number.description) : "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad
                item.write(to: &out, level: level + 1, indent: indent)
                out += (index < items.count - 1 ? "," : "") + newline
            }
            out += close + "]"
        case let .object(members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{" + newline
            for (index, member) in members.enumerated() {
                out += pad
                JSONValue.writeString(member.key, to: &out)
                out += colon
                member.value.write(to: &out, level: level + 1, indent: indent)
                out += (index < members.count - 1 ? "," : "") + newline
            }
            out += close + "}"
        }
    }

    /// `1.0` prints as `1`, as JSON writers usually do.
    private static func trimmed(_ text: String) -> String {
        text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        // Most strings need no escaping: appended whole, not scalar by scalar.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
