/// A word that opens with digits (a form's box number, `31.Primer`): the digits, and whether anything
/// follows them in the word. Found once per document, for every numbered label (see ``NumberedLabel``).
struct NumberOpening {
    let word: Int
    let digits: Digits
    /// Whether nothing at all follows the digits in the word (not even punctuation).
    let restIsEmpty: Bool

    /// A run of ASCII digits as its length and its last eight bytes: runs up to eight digits long (box
    /// numbers have at most four) compare equal exactly when their text does, at the cost of two integers.
    struct Digits: Sendable, Hashable {
        let count: Int
        let packed: UInt64

        init(_ bytes: some Sequence<UInt8>) {
            var count = 0, packed: UInt64 = 0
            for byte in bytes {
                packed = packed &<< 8 | UInt64(byte)
                count += 1
            }
            self.count = count
            self.packed = packed
        }
    }

    /// Every word of `words` that opens with digits, in order.
    static func all(in words: [OCRWord]) -> [NumberOpening] {
        var openings: [NumberOpening] = []
        for index in words.indices {
            // Most words do not start with a digit: one byte tells.
            guard let first = words[index].text.utf8.first, ByteText.isASCIIDigit(first),
                  let (digits, restIsEmpty) = opening(words[index].text) else { continue }
            openings.append(NumberOpening(word: index, digits: digits, restIsEmpty: restIsEmpty))
        }
        return openings
    }

    /// The leading digits of a word (`31.Primer` → `31`) and whether nothing follows them; `nil` when the
    /// word does not start with a digit. Digits are Characters: a digit that a combining mark follows is not one.
    private static func opening(_ text: String) -> (Digits, restIsEmpty: Bool)? {
        // Bytes answer unless a byte beyond ASCII follows the digits: it may join the last digit into a
        // Character of its own, which Characters then decide.
        let byBytes = text.utf8.withContiguousStorageIfAvailable { bytes -> (Digits, Bool)? in
            let run = bytes.prefix(while: ByteText.isASCIIDigit).count
            guard run > 0, run == bytes.count || bytes[run] < 0x80 else { return nil }
            return (Digits(bytes.prefix(run)), run == bytes.count)
        }
        if case let found?? = byBytes { return found }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : (Digits(digits.utf8), digits.endIndex == text.endIndex)
    }
}
