/// Repairs characters OCR confuses between letters and digits, by what the field must hold.
enum ConfusionRepair {
    private static let toDigit: [Character: Character] = [
        "O": "0", "o": "0", "Q": "0", "D": "0", "I": "1", "l": "1", "|": "1", "i": "1", "L": "1",
        "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6", "b": "6", "T": "7",
    ]
    private static let toLetter: [Character: Character] = [
        "0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G", "|": "I",
    ]

    /// Turns letters that stand where digits belong into digits; counts the changes.
    static func digits(_ text: String) -> (text: String, repairs: Int) {
        repair(text, with: toDigit, ascii: asciiToDigit)
    }

    /// Turns digits that stand inside words into the letters they resemble; counts the changes.
    static func letters(_ text: String) -> (text: String, repairs: Int) {
        repair(text, with: toLetter, ascii: asciiToLetter)
    }

    private static let asciiToDigit = asciiTable(toDigit)
    private static let asciiToLetter = asciiTable(toLetter)

    /// The table as bytes, for ASCII text (every entry maps ASCII to ASCII); 0 where nothing changes.
    private static func asciiTable(_ table: [Character: Character]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 128)
        for (from, to) in table { bytes[Int(from.asciiValue!)] = to.asciiValue! }
        return bytes
    }

    /// `ascii` is `table` as bytes (see ``asciiTable(_:)``).
    private static func repair(_ text: String, with table: [Character: Character], ascii bytes: [UInt8]) -> (text: String, repairs: Int) {
        // Most values are ASCII: byte for byte, with no grapheme breaking.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var repairs = 0
            guard text.utf8.contains(where: { bytes[Int($0)] != 0 }) else { return (text, 0) }
            let repaired = String(decoding: text.utf8.map { byte -> UInt8 in
                let replacement = bytes[Int(byte)]
                guard replacement != 0 else { return byte }
                repairs += 1
                return replacement
            }, as: UTF8.self)
            return (repaired, repairs)
        }
        var repairs = 0
        let repaired = String(text.map { character -> Character in
            guard let replacement = table[character] else { return character }
            repairs += 1
            return replacement
        })
        return (repaired, repairs)
    }
}
