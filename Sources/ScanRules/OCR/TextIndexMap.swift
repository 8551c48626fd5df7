/// Turns offsets an engine counts in its own unit (UTF-16 code units, grapheme clusters) into the
/// Unicode code-point offsets every ScanRules offset uses.
struct TextIndexMap {
    /// How the engine counts characters.
    enum Unit: String {
        case codePoints = "unicodeCodePoint"
        case utf16 = "utf16CodeUnit"
        case textElements = "textElements"
    }

    /// `scalarOffset[i]` is the code-point offset of engine offset `i`; one extra entry for the end.
    private let scalarOffset: [Int]

    init(_ text: String, unit: Unit) {
        var map: [Int] = []
        switch unit {
        case .codePoints:
            map = Array(0...text.unicodeScalars.count)
        case .utf16:
            var scalar = 0
            for codePoint in text.unicodeScalars {
                for _ in 0..<codePoint.utf16.count { map.append(scalar) }
                scalar += 1
            }
            map.append(scalar)
        case .textElements:
            var scalar = 0
            for character in text {
                map.append(scalar)
                scalar += character.unicodeScalars.count
            }
            map.append(scalar)
        }
        scalarOffset = map
    }

    /// The engine's length of the text in its unit.
    var count: Int { scalarOffset.count - 1 }

    /// The code-point range of an engine range, or `nil` when it falls outside the text.
    func codePoints(offset: Int, length: Int) -> Range<Int>? {
        guard offset >= 0, length >= 0, offset + length <= count else { return nil }
        return scalarOffset[offset]..<scalarOffset[offset + length]
    }
}
