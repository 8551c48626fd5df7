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
        codeTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: text.utf8.count) { codes, count in
                count = fold(text, table: table, into: codes)
            }
        }
    }

    /// Folded text as a string (`F. Expedición:` → `FEXPEDICION`), for messages and tests.
    static func foldLabel(_ text: String) -> String {
        String(foldCodes(text).map { code -> Character in
            code < 26 ? Character(Unicode.Scalar(65 + code)) : code < 36 ? Character(Unicode.Scalar(48 + code - 26)) : "*"
        })
    }

    /// `body` given the table ``fold(_:table:into:)`` reads: many texts folded in a row look it up once.
    static func withCodeTable<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        codeTable.withUnsafeBufferPointer(body)
    }

    /// Writes the folded codes of `text` to the start of `codes` and returns how many it wrote. `codes`
    /// needs room for `text.utf8.count` codes: no code is made of fewer bytes than one. `table` is the
    /// one ``withCodeTable(_:)`` gives.
    static func fold(_ text: String, table: UnsafeBufferPointer<UInt8>, into codes: UnsafeMutableBufferPointer<UInt8>) -> Int {
        // Native strings lend their UTF-8 bytes: decoded here without building a scalar view.
        if let count = text.utf8.withContiguousStorageIfAvailable({ fold(utf8: $0, table: table, into: codes) }) { return count }
        var count = 0
        for scalar in text.unicodeScalars {
            let code = code(of: scalar.value, table: table)
            if code != noCode {
                codes[count] = code
                count += 1
            }
        }
        return count
    }

    /// ``fold(_:table:into:)`` over valid UTF-8 bytes (a Swift string's own, so no check is needed).
    private static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>,
                             into codes: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0, index = 0
        while index < bytes.count {
            let lead = UInt32(bytes[index])
            var value = lead
            // Most OCR words are ASCII: one byte, one table entry.
            if lead >= 0x80 {
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                value = lead & (0x7F >> UInt32(length))
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                index += length - 1
            }
            index += 1
            let code = value < table.count ? table[Int(value)] : code(of: value, table: table)
            if code != noCode {
                codes[count] = code
                count += 1
            }
        }
        return count
    }

    private static let noCode = UInt8.max

    /// The code of a scalar, ``noCode`` for one that folds to nothing.
    private static func code(of value: UInt32, table: UnsafeBufferPointer<UInt8>) -> UInt8 {
        if value < table.count { return table[Int(value)] }
        if punctuation.contains(value) { return punctuationCodes[Int(value - punctuation.lowerBound)] }
        return Unicode.Scalar(value).flatMap(code) ?? noCode
    }

    /// ``code(_:)`` of every scalar of ASCII, Latin-1 and Latin Extended (what Spanish documents print),
    /// ``noCode`` for those that fold to nothing: computed once, as accents need Unicode decomposition.
    private static let codeTable: [UInt8] = (0..<0x250).map { code(Unicode.Scalar(UInt32($0))!) ?? noCode }
    /// General punctuation and currency signs (dashes, quotes, bullets, €), which OCR prints on Latin
    /// text too: decomposing one (to find it folds to nothing) costs more than folding a whole document.
    private static let punctuation: Range<UInt32> = 0x2000..<0x20D0
    private static let punctuationCodes: [UInt8] = punctuation.map { code(Unicode.Scalar($0)!) ?? noCode }

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
