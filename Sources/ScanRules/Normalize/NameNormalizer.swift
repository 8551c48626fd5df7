/// The `name` normaliser: whitespace collapsed, upper case, digits OCR put inside words read as the
/// letters they resemble, punctuation and spaces trimmed from both ends.
///
/// Every name-like match near a label is normalised, so ASCII text (most of what OCR reads on these
/// documents) is done in one pass over its bytes, with nothing allocated when nothing changes; other text
/// goes through the general steps one after the other, which give the same result.
extension Normalizer {
    static func normalizedName(_ raw: String) -> Result? {
        if let ascii = ByteText.withBytes(raw, .ascii, { asciiName(raw, $0) }) { return ascii }
        let repaired = ConfusionRepair.letters(ByteText.uppercased(collapsingWhitespace(raw)))
        let cleaned = repaired.text.trimmingPunctuationAndSpaces
        return cleaned.isEmpty ? nil : Result(value: cleaned, repairs: repaired.repairs)
    }

    /// The steps of the general path on ASCII bytes: whitespace as ``collapsingWhitespace(_:)`` reads it
    /// (tab to carriage return, and space), a–z upper-cased, ``ConfusionRepair/letters(_:)``'s table, and
    /// ``asciiNoise`` trimmed (collapsed ASCII holds no CR LF, its one Character of two bytes).
    private static func asciiName(_ raw: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Result? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out -> Result? in
            var repairs = 0
            let count = collapseLatinWhitespace(bytes, into: out) { byte in
                let upper = ByteText.uppercasedASCII(byte)
                guard let letter = ConfusionRepair.letter(forASCII: upper) else { return upper }
                repairs += 1
                return letter
            }
            var start = 0, end = count
            while start < end, asciiNoise[Int(out[start])] { start += 1 }
            while end > start, asciiNoise[Int(out[end - 1])] { end -= 1 }
            guard start < end else { return nil }
            let kept = UnsafeBufferPointer(rebasing: out[start..<end])
            // The text itself when nothing changed: no new string.
            let value = kept.elementsEqual(bytes) ? raw : String(decoding: kept, as: UTF8.self)
            return Result(value: value, repairs: repairs)
        }
    }
}

/// What is trimmed from a name's ends: punctuation or whitespace, as `Character` says.
private func isNoise(_ character: Character) -> Bool { character.isPunctuation || character.isWhitespace }

/// ``isNoise(_:)`` for each ASCII byte.
private let asciiNoise: [Bool] = (0..<128).map { isNoise(Character(Unicode.Scalar(UInt8($0)))) }

private extension String {
    /// Without punctuation or spaces at either end (a stray `.` or `:` OCR attached to a name).
    var trimmingPunctuationAndSpaces: String {
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80, !asciiNoise[Int(first)], !asciiNoise[Int(last)] {
            return self
        }
        guard let first = firstIndex(where: { !isNoise($0) }), let last = lastIndex(where: { !isNoise($0) }) else { return "" }
        return String(self[first...last])
    }
}
