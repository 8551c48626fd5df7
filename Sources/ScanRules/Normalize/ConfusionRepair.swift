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
        repair(text, ascii: asciiToDigit)
    }

    /// Turns digits that stand inside words into the letters they resemble; counts the changes.
    static func letters(_ text: String) -> (text: String, repairs: Int) {
        repair(text, ascii: asciiToLetter)
    }

    /// The digit an ASCII letter OCR confuses with one stands for, `nil` for any other byte.
    static func digit(forASCII byte: UInt8) -> UInt8? {
        byte < 0x80 && asciiToDigit[Int(byte)] != 0 ? asciiToDigit[Int(byte)] : nil
    }

    /// The letter an ASCII digit (or `|`) OCR confuses with one stands for, `nil` for any other byte.
    static func letter(forASCII byte: UInt8) -> UInt8? {
        byte < 0x80 && asciiToLetter[Int(byte)] != 0 ? asciiToLetter[Int(byte)] : nil
    }

    private static let asciiToDigit = asciiTable(toDigit)
    private static let asciiToLetter = asciiTable(toLetter)

    /// The table as bytes (every entry maps ASCII to ASCII); 0 where nothing changes.
    private static func asciiTable(_ table: [Character: Character]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 128)
        for (from, to) in table { bytes[Int(from.asciiValue!)] = to.asciiValue! }
        return bytes
    }

    /// `bytes` is the table as bytes (see ``asciiTable(_:)``); it serves every character, as the table's
    /// characters are all single ASCII scalars that no other character equals.
    private static func repair(_ text: String, ascii bytes: [UInt8]) -> (text: String, repairs: Int) {
        if let repaired = ByteText.replacing(text, .latinLetters, { text, index in text[index] < 0x80 ? bytes[Int(text[index])] : 0 }) {
            return (repaired.text, repaired.changes)
        }
        var repairs = 0
        let repaired = String(text.map { character -> Character in
            guard character.utf8.count == 1, let byte = character.utf8.first, byte < 0x80, bytes[Int(byte)] != 0 else { return character }
            repairs += 1
            return Character(Unicode.Scalar(bytes[Int(byte)]))
        })
        return (repaired, repairs)
    }
}
