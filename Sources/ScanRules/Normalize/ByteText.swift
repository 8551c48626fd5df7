/// String operations done on UTF-8 bytes. Most OCR values are ASCII or Latin-1 letters, and walking
/// their Characters (grapheme breaking at every step) showed in profiles. Each operation works only on
/// text whose bytes give the same answer as its Characters, and returns `nil` for other text, which the
/// caller handles character by character.
enum ByteText {
    /// Which text an operation can read byte by byte.
    enum Scope {
        /// Only ASCII: one byte per code point.
        case ascii
        /// ASCII and the Latin-1 letters U+00C0–U+00FF (two bytes, led by C3): Spanish names. No
        /// grapheme rule joins any of these code points to another (marks that combine start at U+0300),
        /// so each is a Character of its own, CR LF aside; none is whitespace beyond ASCII's.
        case latinLetters
    }

    /// `body` run on the bytes of `text` when they lie in `scope`.
    static func withBytes<Value>(_ text: String, _ scope: Scope,
                                 _ body: (UnsafeBufferPointer<UInt8>) -> Value) -> Value? {
        var text = text
        return text.withUTF8 { bytes -> Value? in
            guard isASCII(bytes) || scope == .latinLetters && isLatin(bytes) else { return nil }
            return body(bytes)
        }
    }

    /// Whether every byte is below 0x80, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether every code point is ASCII or U+00C0–U+00FF.
    private static func isLatin(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A continuation byte belongs to the C3 before it (C3 is never a continuation byte).
        bytes.indices.allSatisfy { bytes[$0] < 0x80 || bytes[$0] == 0xC3 || ($0 > 0 && bytes[$0 - 1] == 0xC3) }
    }

    /// `text` with each byte for which `replacement` gives a value other than 0 replaced by it, and how
    /// many were; `text` itself when none is. `replacement` sees all bytes and the byte's index, and gives
    /// `nil` for a byte it cannot handle, which makes the result `nil`.
    static func replacing(_ text: String, _ scope: Scope,
                          _ replacement: (UnsafeBufferPointer<UInt8>, Int) -> UInt8?) -> (text: String, changes: Int)? {
        let replaced = withBytes(text, scope) { bytes -> (text: String, changes: Int)? in
            // Most text needs no change: it is read once and kept, and copied only from the first change.
            var first = 0
            while first < bytes.count {
                guard let replaced = replacement(bytes, first) else { return nil }
                if replaced != 0 { break }
                first += 1
            }
            guard first < bytes.count else { return (text, 0) }
            var changes = 0
            var handled = true
            let result = String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in 0..<first { out[index] = bytes[index] }
                for index in first..<bytes.count {
                    guard let replaced = replacement(bytes, index) else { handled = false; break }
                    out[index] = replaced != 0 ? replaced : bytes[index]
                    if replaced != 0 { changes += 1 }
                }
                return bytes.count
            }
            return handled ? (result, changes) : nil
        }
        return replaced ?? nil
    }

    /// The bytes of ASCII `text` that `keep` accepts, in order.
    static func filter(_ text: String, _ keep: (UInt8) -> Bool) -> String? {
        withBytes(text, .ascii) { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes where keep(byte) {
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// `text` upper-cased: a–z and the Latin-1 small letters à–þ byte by byte, other text as the standard
    /// library does it (ß and ÿ have no capital in Latin-1).
    static func uppercased(_ text: String) -> String {
        let upper = replacing(text, .latinLetters) { bytes, index -> UInt8? in
            let byte = bytes[index]
            if byte < 0x80 {
                let upper = uppercasedASCII(byte)
                return upper == byte ? 0 : upper
            }
            guard byte != 0xC3 else { return 0 }
            // The second byte of U+00C0–U+00FF. The capital of U+00E0–U+00FE (÷ aside) is U+0020 below; ß
            // (9F) and ÿ (BF) have none in Latin-1.
            if byte == 0x9F || byte == 0xBF { return nil }
            return (0xA0...0xBE).contains(byte) && byte != 0xB7 ? byte - 0x20 : 0
        }
        return upper?.text ?? text.uppercased()
    }

    /// An ASCII byte upper-cased: a–z become A–Z, every other byte stays.
    static func uppercasedASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 0x20 : byte
    }

    /// Whether a byte is an ASCII digit.
    static func isASCIIDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether an ASCII byte is a letter (A–Z, a–z: the ASCII Characters whose `isLetter` holds).
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte & 0xDF)
    }

    /// The number of Characters: the code points of Latin text without CR (which with LF forms one).
    static func count(_ text: String) -> Int {
        let count = withBytes(text, .latinLetters) { bytes -> Int? in
            bytes.contains(UInt8(ascii: "\r")) ? nil : bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        }
        return (count ?? nil) ?? text.count
    }
}
