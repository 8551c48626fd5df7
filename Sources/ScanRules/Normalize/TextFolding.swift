/// Folds text for tolerant comparison of printed labels: upper case, no accents, no punctuation or
/// spaces, and the characters OCR confuses with letters mapped to those letters (0→O, 1/|/!→I, 5→S,
/// 8→B), so `F. EXPEDICIÓN`, `F EXPEDICION` and `F.EXPEDlCI0N` fold alike. `L` folds to `I` as well:
/// OCR reads a capital I as a lower-case l, and folding both sides alike keeps `APELLIDOS` intact.
///
/// Folded text is a list of small codes: 0–25 for A–Z, 26–35 for the digits OCR does not confuse with
/// letters (2, 3, 4, 6, 7, 9 keep their codes), and ``otherLetter`` for any other letter.
enum TextFolding {
    /// The number of distinct folded codes.
    static let alphabetSize = 37
    static let otherLetter: UInt8 = 36

    /// The folded codes of `text`.
    static func foldCodes(_ text: String) -> [UInt8] {
        var codes: [UInt8] = []
        codes.reserveCapacity(text.utf8.count)
        appendCodes(of: text, to: &codes)
        return codes
    }

    /// Appends the folded codes of `text` to `codes` (many words into one array, with no array per word).
    static func appendCodes(of text: String, to codes: inout [UInt8]) {
        let table = commonCodes
        // Most OCR words are ASCII: a table lookup per byte over the raw bytes, no scalar decoding.
        let asciiDone: Void? = ByteText.withBytes(text, .ascii) { bytes in
            table.withUnsafeBufferPointer { table in
                for byte in bytes where table[Int(byte)] != noCode { codes.append(table[Int(byte)]) }
            }
        }
        if asciiDone != nil { return }
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value < table.count {
                if table[value] != noCode { codes.append(table[value]) }
            } else if let code = code(scalar) {
                codes.append(code)
            }
        }
    }

    /// Folded text as a string (`F. Expedición:` → `FEXPEDICION`), for messages and tests.
    static func foldLabel(_ text: String) -> String {
        String(foldCodes(text).map { code -> Character in
            code < 26 ? Character(Unicode.Scalar(65 + code)) : code < 36 ? Character(Unicode.Scalar(48 + code - 26)) : "*"
        })
    }

    private static let noCode = UInt8.max
    /// ``code(_:)`` of every scalar of ASCII, Latin-1 and Latin Extended (what Spanish documents print),
    /// ``noCode`` for those that fold to nothing: computed once, as accents need Unicode decomposition.
    private static let commonCodes: [UInt8] = (0..<0x250).map { code(Unicode.Scalar(UInt32($0))!) ?? noCode }

    private static func code(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        switch value {
        case 0x61...0x7A: return fold(UInt8(value - 0x20))      // a-z
        case 0x41...0x5A, 0x30...0x39, 0x7C, 0x21: return fold(UInt8(value))
        case ..<0xC0: return nil                                  // other ASCII and Latin-1 punctuation
        default:
            let base = baseLetter(scalar)
            if base.value < 0x80 { return base == scalar ? nil : code(base) }
            return base.properties.isAlphabetic ? otherLetter : nil
        }
    }

    /// An upper-case ASCII letter, digit, `|` or `!`, folded.
    private static func fold(_ ascii: UInt8) -> UInt8? {
        switch ascii {
        case UInt8(ascii: "0"): return UInt8(ascii: "O") - 65
        case UInt8(ascii: "1"), UInt8(ascii: "|"), UInt8(ascii: "!"), UInt8(ascii: "L"): return UInt8(ascii: "I") - 65
        case UInt8(ascii: "5"): return UInt8(ascii: "S") - 65
        case UInt8(ascii: "8"): return UInt8(ascii: "B") - 65
        case 65...90: return ascii - 65
        case 48...57: return ascii - 48 + 26
        default: return nil
        }
    }

    /// The scalar without its accent (`Á`→`A`, `Ñ`→`N`); other scalars unchanged.
    static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0xC0 else { return scalar }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        return decomposed.first ?? scalar
    }
}
