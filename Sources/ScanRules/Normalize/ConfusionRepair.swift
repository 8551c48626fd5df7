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
        repair(text, with: toDigit)
    }

    /// Turns digits that stand inside words into the letters they resemble; counts the changes.
    static func letters(_ text: String) -> (text: String, repairs: Int) {
        repair(text, with: toLetter)
    }

    private static func repair(_ text: String, with table: [Character: Character]) -> (text: String, repairs: Int) {
        var repairs = 0
        let repaired = String(text.map { character -> Character in
            guard let replacement = table[character] else { return character }
            repairs += 1
            return replacement
        })
        return (repaired, repairs)
    }
}
