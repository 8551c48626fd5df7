/// A JSON value that keeps its object keys in insertion order and prints 32-bit floats in their
/// shortest exact form (`0.45555556`), as Document AI's JSON does.
///
/// Not `indirect`: arrays and member lists already live on the heap, and boxing every number and string
/// as well made building and freeing a batch's results cost more than extracting them.
public enum JSONValue: Sendable, Equatable {
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
        String(decoding: serializedUTF8(indent: indent), as: UTF8.self)
    }

    /// ``serialized(indent:)`` as UTF-8 bytes, for writing straight to a file or stream.
    public func serializedUTF8(indent: String? = " ") -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, level: 0, indent: indent.map { Array($0.utf8) })
        return out
    }

    /// Appends the JSON as UTF-8 bytes, which costs far less per piece than growing a String.
    private func write(to out: inout [UInt8], level: Int, indent: [UInt8]?) {
        switch self {
        case let .string(text): JSONValue.writeString(text, to: &out)
        case let .int(number): out.append(contentsOf: String(number).utf8)
        case let .float(number): JSONValue.writeNumber(number.isFinite ? number.description : nil, to: &out)
        case let .double(number): JSONValue.writeNumber(number.isFinite ? number.description : nil, to: &out)
        case let .bool(flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case let .array(items):
            guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent, level + 1)
                item.write(to: &out, level: level + 1, indent: indent)
            }
            JSONValue.newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent, level + 1)
                JSONValue.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                member.value.write(to: &out, level: level + 1, indent: indent)
            }
            JSONValue.newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and `level` indents when pretty-printing; nothing on one line.
    private static func newline(_ out: inout [UInt8], _ indent: [UInt8]?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level { out.append(contentsOf: indent) }
    }

    /// A number's shortest form, with `1.0` as `1` as JSON writers usually do; `null` when not finite.
    private static func writeNumber(_ text: String?, to out: inout [UInt8]) {
        guard let text else { return out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Most strings need no escaping: appended whole, not byte by byte.
            guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return out.append(contentsOf: bytes)
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                case ..<0x20:
                    let hex = String(byte, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
