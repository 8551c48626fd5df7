/// Checks that bytes are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, surrogates or code
/// points past U+10FFFF, no cut sequences) without building a String. Reading a file's bytes directly
/// still has to refuse what `String(data:encoding:)` refuses, and OCR output is nearly all ASCII, which
/// this checks eight bytes at a time; the standard library's check costs several times more.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The sequence length and the range its second byte must fall in, which is what rules out
            // overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
            let length: Int, lowest: UInt8, highest: UInt8
            switch lead {
            case 0xC2...0xDF: (length, lowest, highest) = (2, 0x80, 0xBF)
            case 0xE0: (length, lowest, highest) = (3, 0xA0, 0xBF)
            case 0xED: (length, lowest, highest) = (3, 0x80, 0x9F)
            case 0xE1...0xEF: (length, lowest, highest) = (3, 0x80, 0xBF)
            case 0xF0: (length, lowest, highest) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, lowest, highest) = (4, 0x80, 0xBF)
            case 0xF4: (length, lowest, highest) = (4, 0x80, 0x8F)
            default: return false
            }
            guard index + length <= count, bytes[index + 1] >= lowest, bytes[index + 1] <= highest else { return false }
            for continuation in index + 2 ..< index + length where bytes[continuation] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
