/// Why JSON could not be read — bad syntax, or a value of the wrong kind for its reader — and the byte
/// offset where the input went wrong.
struct JSONReadError: Error {
    let problem: String
    let offset: Int

    /// The problem with its place as a line and column (1-based, columns counted in bytes), which an
    /// editor can jump to.
    func described(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return "\(problem) (line \(line), column \(column))"
    }
}

/// Reads JSON (RFC 8259) value by value straight from UTF-8 bytes, for readers that know the shape they
/// expect and build their own values: nothing is materialised that the reader does not ask for.
///
/// Foundation's decoders build every value (and, for `JSONDecoder`, go through generic code that looks up
/// type metadata in the runtime's shared caches) — for batches of OCR documents that cost more than
/// extracting their fields and stopped two threads from scaling. The bytes must be valid UTF-8 (checked
/// by the caller) and outlive the scanner.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    private(set) var position = 0
    /// Containers the scanner is inside, so that hostile nesting fails rather than exhausts the stack.
    private var depth = 0
    private static let maximumDepth = 512
    private static let noKeys = JSONKeys()

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // RFC 8259 lets a reader ignore a byte order mark, which some Windows tools write.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The kinds of value, for messages about a value of the wrong kind.
    enum Kind: String {
        case object = "an object", array = "a list", string = "a string", number = "a number"
        case boolean = "true or false", null = "null"
    }

    /// The kind of the next value, after any whitespace; `nil` at the end of the input or at a byte that
    /// starts no value.
    mutating func peekKind() -> Kind? {
        skipWhitespace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .boolean
        case UInt8(ascii: "n"): return .null
        default: return nil
        }
    }

    /// Consumes `null` when it comes next: optional members written as `null` count as missing.
    mutating func skipNull() throws(JSONReadError) -> Bool {
        guard peekKind() == .null else { return false }
        try literal("null")
        return true
    }

    /// Whether only whitespace is left.
    mutating func atEnd() -> Bool {
        skipWhitespace()
        return position == bytes.count
    }

    // MARK: Containers

    /// Enters an object; read its members with ``nextKey()``.
    mutating func beginObject() throws(JSONReadError) {
        try open(UInt8(ascii: "{"), "an object ('{')")
    }

    /// The next member's key as its index in `keys` (or ``JSONKeys/unknown``), with the scanner placed at
    /// its value (which the caller must read or skip); `nil` after the object's closing brace. Keys are
    /// compared as bytes: a reader knows its few names, and building a String per key cost more than
    /// everything else the reader does with a member.
    mutating func nextKey(_ keys: JSONKeys) throws(JSONReadError) -> Int? {
        guard try nextItem(closing: UInt8(ascii: "}")) else { return nil }
        guard peekKind() == .string else { throw failure("expected a key in double quotes") }
        var decoded: [UInt8] = []
        let index: Int
        if let range = try stringBytes(into: &decoded) {
            index = keys.index(of: UnsafeBufferPointer(rebasing: bytes[range]))
        } else {
            index = decoded.withUnsafeBufferPointer { keys.index(of: $0) }
        }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
        position += 1
        return index
    }

    /// Enters a list; read its elements while ``nextElement()`` says there is one.
    mutating func beginArray() throws(JSONReadError) {
        try open(UInt8(ascii: "["), "a list ('[')")
    }

    /// Whether another element follows (the scanner is then at it); `false` after the closing bracket.
    mutating func nextElement() throws(JSONReadError) -> Bool {
        try nextItem(closing: UInt8(ascii: "]"))
    }

    private mutating func open(_ bracket: UInt8, _ what: String) throws(JSONReadError) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == bracket else { throw failure("expected \(what)") }
        guard depth < Self.maximumDepth else { throw failure("values nested more than \(Self.maximumDepth) deep") }
        depth += 1
        position += 1
        // A marker below the first item: nextItem must not expect a comma before it.
        needsSeparator = false
    }

    /// Whether the item just read must be followed by a comma (it is reset on entering a container and
    /// set after each item, so nested containers restore it by construction: see `nextItem`).
    private var needsSeparator = false

    private mutating func nextItem(closing: UInt8) throws(JSONReadError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw failure("the input ends inside \(closing == UInt8(ascii: "]") ? "a list" : "an object") (the file may be truncated)") }
        if bytes[position] == closing {
            position += 1
            depth -= 1
            needsSeparator = true
            return false
        }
        if needsSeparator {
            guard bytes[position] == UInt8(ascii: ",") else {
                throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))'")
            }
            position += 1
            skipWhitespace()
            guard position < bytes.count, bytes[position] != closing else { throw failure("a trailing comma is not allowed in JSON; remove it") }
        }
        // The item itself sets nothing; whatever it is, a comma or the closing bracket comes after it.
        needsSeparator = true
        return true
    }

    // MARK: Scalars

    /// A string value, decoded (escapes resolved). `buffer` is scratch space reused between calls.
    mutating func string(into buffer: inout [UInt8]) throws(JSONReadError) -> String {
        let range = try stringBytes(into: &buffer)
        guard let range else { return String(decoding: buffer, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A string value's UTF-8 bytes: the range of the input holding them when it has no escapes (no copy),
    /// `nil` when they were decoded into `buffer`.
    mutating func stringBytes(into buffer: inout [UInt8]) throws(JSONReadError) -> Range<Int>? {
        guard peekKind() == .string else { throw failure("expected a string") }
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return start..<position - 1
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw failure("a control character inside a string must be escaped") }
            position += 1
        }
        guard position < bytes.count else { throw failure("the input ends inside a string (the file may be truncated)") }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: bytes[start..<position])
        try decodeEscapedRest(into: &buffer)
        return nil
    }

    /// Decodes a string from its first backslash to its closing quote.
    private mutating func decodeEscapedRest(into buffer: inout [UInt8]) throws(JSONReadError) {
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                try appendEscape(into: &buffer)
            case ..<0x20:
                position -= 1
                throw failure("a control character inside a string must be escaped")
            default:
                buffer.append(byte)
            }
        }
        throw failure("the input ends inside a string (the file may be truncated)")
    }

    private mutating func appendEscape(into buffer: inout [UInt8]) throws(JSONReadError) {
        guard position < bytes.count else { throw failure("the input ends inside a string (the file may be truncated)") }
        let letter = bytes[position]
        position += 1
        let simple: UInt8? = switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            buffer.append(simple)
            return
        }
        guard letter == UInt8(ascii: "u") else {
            position -= 2
            throw failure("unknown escape '\\\(Character(Unicode.Scalar(letter)))' in a string")
        }
        var code = try hexQuad()
        if (0xD800..<0xDC00).contains(code) {
            // A high surrogate is only a character together with the low one escaped right after it.
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure("a \\u escape of a high surrogate must be followed by its low surrogate")
            }
            position += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("\\u\(String(low, radix: 16)) is not a low surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw failure("\\u escape of a lone surrogate") }
        buffer.append(contentsOf: UTF8.encode(scalar)!)
    }

    private mutating func hexQuad() throws(JSONReadError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("the input ends inside a \\u escape (the file may be truncated)") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// A number value.
    mutating func number() throws(JSONReadError) -> Double {
        guard peekKind() == .number else { throw failure("expected a number") }
        let start = position
        var parsed = JSONNumber()
        if bytes[position] == UInt8(ascii: "-") {
            parsed.negative = true
            position += 1
        }
        guard position < bytes.count, let first = digit(at: position) else { throw failure("expected a digit after '-'") }
        if first == 0 {
            position += 1
            if position < bytes.count, digit(at: position) != nil { throw failure("a number must not start with 0 and another digit") }
        } else {
            try digits { parsed.add($0, fractional: false) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, digit(at: position) != nil else { throw failure("expected a digit after the decimal point") }
            try digits { parsed.add($0, fractional: true) }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var exponentSign = 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                exponentSign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
                position += 1
            }
            guard position < bytes.count, digit(at: position) != nil else { throw failure("expected a digit in the exponent") }
            var exponent = 0
            try digits { exponent = min(exponent * 10 + Int($0), 100_000) }
            parsed.exponent += exponentSign * exponent
        }
        let written = UnsafeBufferPointer(rebasing: bytes[start..<position])
        guard let value = parsed.value ?? Double(String(decoding: written, as: UTF8.self)), value.isFinite else {
            throw JSONReadError(problem: "the number \(String(decoding: written.prefix(40), as: UTF8.self)) is too large", offset: start)
        }
        return value
    }

    private func digit(at offset: Int) -> UInt8? {
        let value = bytes[offset] &- UInt8(ascii: "0")
        return value < 10 ? value : nil
    }

    private mutating func digits(_ add: (UInt8) -> Void) throws(JSONReadError) {
        while position < bytes.count, let value = digit(at: position) {
            add(value)
            position += 1
        }
    }

    /// `true` or `false`.
    mutating func boolean() throws(JSONReadError) -> Bool {
        guard peekKind() == .boolean else { throw failure("expected true or false") }
        let isTrue = bytes[position] == UInt8(ascii: "t")
        try literal(isTrue ? "true" : "false")
        return isTrue
    }

    private mutating func literal(_ word: StaticString) throws(JSONReadError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
              UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[position..<position + count]) else {
            throw failure("expected '\(word)'")
        }
        position += count
    }

    // MARK: Skipping

    /// Reads past one value of any kind, checking its syntax: members a reader does not know are allowed.
    mutating func skipValue() throws(JSONReadError) {
        var scratch: [UInt8] = []
        switch peekKind() {
        case .object?:
            try beginObject()
            while try nextKey(Self.noKeys) != nil { try skipValue() }
        case .array?:
            try beginArray()
            while try nextElement() { try skipValue() }
        case .string?: _ = try stringBytes(into: &scratch)
        case .number?: _ = try number()
        case .boolean?: _ = try boolean()
        case .null?: try literal("null")
        case nil: throw expectedValue()
        }
    }

    /// The error for a place where a value should start.
    func expectedValue() -> JSONReadError {
        guard position < bytes.count else { return failure("the input ends where a value should start (the file may be truncated)") }
        let byte = bytes[position]
        let shown = byte < 0x80 && byte >= 0x20 ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return failure("expected a value, found \(shown)")
    }

    func failure(_ problem: String) -> JSONReadError {
        JSONReadError(problem: problem, offset: position)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }
}
