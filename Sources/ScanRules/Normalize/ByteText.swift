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
            for (index, byte) in bytes.enumerated() where byte >= 0x80 {
                // A continuation byte belongs to the C3 before it (C3 is never a continuation byte).
                guard scope == .latinLetters, byte == 0xC3 || (index > 0 && bytes[index - 1] == 0xC3) else { return nil }
            }
            return body(bytes)
        }
    }

    /// `text` with each byte for which `replacement` gives a value other than 0 replaced by it, and how
    /// many were; `text` itself when none is. `replacement` sees all bytes and the byte's index.
    static func replacing(_ text: String, _ scope: Scope,
                          _ replacement: (UnsafeBufferPointer<UInt8>, Int) -> UInt8) -> (text: String, changes: Int)? {
        withBytes(text, scope) { bytes in
            let changes = bytes.indices.reduce(0) { $0 + (replacement(bytes, $1) != 0 ? 1 : 0) }
            guard changes > 0 else { return (text, 0) }
            return (String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in bytes.indices {
                    let replaced = replacement(bytes, index)
                    out[index] = replaced != 0 ? replaced : bytes[index]
                }
                return bytes.count
            }, changes)
        }
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
        let upper = withBytes(text, .latinLetters) { bytes -> String? in
            guard !bytes.indices.contains(where: { $0 > 0 && bytes[$0 - 1] == 0xC3 && (bytes[$0] == 0x9F || bytes[$0] == 0xBF) }) else { return nil }
            return replacing(text, .latinLetters) { bytes, index in
                let byte = bytes[index]
                if byte < 0x80 { return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 0x20 : 0 }
                // The second byte of U+00E0–U+00FE (÷ aside): its capital is U+0020 below.
                guard index > 0, bytes[index - 1] == 0xC3, (0xA0...0xBE).contains(byte), byte != 0xB7 else { return 0 }
                return byte - 0x20
            }?.text
        }
        return (upper ?? nil) ?? text.uppercased()
    }

    /// The number of Characters: the code points of Latin text without CR (which with LF forms one).
    static func count(_ text: String) -> Int {
        let count = withBytes(text, .latinLetters) { bytes -> Int? in
            bytes.contains(UInt8(ascii: "\r")) ? nil : bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        }
        return (count ?? nil) ?? text.count
    }
}
