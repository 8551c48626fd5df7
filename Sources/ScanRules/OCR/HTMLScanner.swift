/// A small, forgiving scanner for the HTML that hOCR files are: it yields start tags (with attributes), end
/// tags and text, skips comments, doctypes and processing instructions, and decodes character references.
/// It does not build a tree or validate nesting; hOCR is often HTML rather than well-formed XHTML, which
/// is why Foundation's `XMLParser` is not used.
struct HTMLScanner {
    enum Token {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ content: some StringProtocol) {
        scalars = Array(content.unicodeScalars)
    }

    /// The next token, or `nil` at the end. An unterminated tag ends the scan (`truncated` tells).
    mutating func next() -> Token? {
        guard index < scalars.count else { return nil }
        if scalars[index] != "<" {
            let start = index
            while index < scalars.count, scalars[index] != "<" { index += 1 }
            return .text(HTMLScanner.decode(scalars[start..<index]))
        }
        if starts(with: "<!--") {
            index = find("-->").map { $0 + 3 } ?? scalars.count
            return next()
        }
        if starts(with: "<!") || starts(with: "<?") {
            index = find(">").map { $0 + 1 } ?? scalars.count
            return next()
        }
        guard let close = find(">") else {
            truncated = true
            index = scalars.count
            return nil
        }
        let inner = Array(scalars[(index + 1)..<close])
        index = close + 1
        if inner.first == "/" {
            return .end(name: HTMLScanner.name(inner.dropFirst()))
        }
        let selfClosing = inner.last == "/"
        return .start(name: HTMLScanner.name(inner[...]), attributes: HTMLScanner.attributes(inner), selfClosing: selfClosing)
    }

    /// Whether the content ended inside a tag.
    private(set) var truncated = false

    private func starts(with prefix: String) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        guard index + wanted.count <= scalars.count else { return false }
        return Array(scalars[index..<index + wanted.count]) == wanted
    }

    private func find(_ marker: String) -> Int? {
        let wanted = Array(marker.unicodeScalars)
        var position = index
        while position + wanted.count <= scalars.count {
            if scalars[position] == wanted[0], Array(scalars[position..<position + wanted.count]) == wanted { return position }
            position += 1
        }
        return nil
    }

    private static func name(_ inner: ArraySlice<Unicode.Scalar>) -> String {
        var name = String.UnicodeScalarView()
        for scalar in inner {
            if scalar == " " || scalar == "/" || scalar == "\t" || scalar == "\n" || scalar == "\r" { break }
            name.append(scalar)
        }
        return String(name).lowercased()
    }

    /// `name='value'`, `name="value"` and `name=value` pairs after the tag name.
    private static func attributes(_ inner: [Unicode.Scalar]) -> [String: String] {
        var result: [String: String] = [:]
        var position = inner.firstIndex { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } ?? inner.count
        func skipSpace() { while position < inner.count, inner[position].properties.isWhitespace { position += 1 } }
        while position < inner.count {
            skipSpace()
            let nameStart = position
            while position < inner.count, inner[position] != "=", !inner[position].properties.isWhitespace, inner[position] != "/" {
                position += 1
            }
            let name = String(String.UnicodeScalarView(inner[nameStart..<position])).lowercased()
            skipSpace()
            guard position < inner.count, inner[position] == "=" else {
                if name.isEmpty { position += 1 } else { result[name] = "" }
                continue
            }
            position += 1
            skipSpace()
            var value: ArraySlice<Unicode.Scalar> = []
            if position < inner.count, inner[position] == "'" || inner[position] == "\"" {
                let quote = inner[position]
                let valueStart = position + 1
                position = valueStart
                while position < inner.count, inner[position] != quote { position += 1 }
                value = inner[valueStart..<min(position, inner.count)]
                position += 1
            } else {
                let valueStart = position
                while position < inner.count, !inner[position].properties.isWhitespace { position += 1 }
                value = inner[valueStart..<position]
            }
            if !name.isEmpty { result[name] = decode(value) }
        }
        return result
    }

    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    ]

    /// Text with `&amp;`, `&#39;`, `&#x27;` and the like replaced; unknown references are kept as written.
    static func decode(_ text: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        var position = text.startIndex
        while position < text.endIndex {
            let scalar = text[position]
            if scalar == "&", let semicolon = text[position...].prefix(12).firstIndex(of: ";") {
                let body = String(String.UnicodeScalarView(text[(position + 1)..<semicolon]))
                var replacement: String?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if body.hasPrefix("#") {
                    replacement = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = namedReferences[body]
                }
                if let replacement {
                    out.append(contentsOf: replacement.unicodeScalars)
                    position = semicolon + 1
                    continue
                }
            }
            out.append(scalar)
            position += 1
        }
        return String(out)
    }
}
