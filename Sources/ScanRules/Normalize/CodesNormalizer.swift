/// The `codes` normaliser on ASCII text, byte by byte: upper case, and each word that is `letters`
/// letters then only digits or letters OCR confuses with digits has that tail read as digits.
///
/// Splitting, upper-casing and testing Characters word by word cost thousands of instructions per value;
/// ASCII bytes give the same answers (a letter is A–Z or a–z, every Character one byte, and whitespace
/// already collapsed to single spaces), and each byte maps to one byte.
extension Normalizer {
    static func asciiCodes(_ collapsed: String, letters: Int) -> Result?? {
        ByteText.withBytes(collapsed, .ascii) { bytes -> Result? in
            guard !bytes.isEmpty else { return nil }
            var repairs = 0
            let value = String(unsafeUninitializedCapacity: bytes.count) { out in
                var start = 0
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
                    let tail = start + letters
                    let isCode = end > tail && bytes[start..<tail].allSatisfy(ByteText.isASCIILetter)
                        && bytes[tail..<end].allSatisfy { ByteText.isASCIIDigit($0) || ConfusionRepair.digit(forASCII: $0) != nil }
                    for index in start..<end {
                        if isCode, index >= tail, let digit = ConfusionRepair.digit(forASCII: bytes[index]) {
                            out[index] = digit
                            repairs += 1
                        } else {
                            out[index] = ByteText.uppercasedASCII(bytes[index])
                        }
                    }
                    if end < bytes.count { out[end] = UInt8(ascii: " ") }
                    start = end + 1
                }
                return bytes.count
            }
            return Result(value: value, repairs: repairs)
        }
    }
}
