/// The characters of OCR-B that OCR confuses, and how they are repaired by position class.
enum MRZCharacters {
    /// Characters OCR reads for the filler `<`; never valid in a zone, so always replaced.
    static let fillerLookalikes: Set<Character> = ["«", "‹", "(", "[", "{", "≺", "＜", "〈", "⟨", "≤", "‘"]
    /// Valid letters that OCR also reads for `<`; replaced only when a check digit confirms it (or, in
    /// names, in the trailing filler run).
    static let fillerLetters: Set<Character> = ["K", "L"]

    /// A letter standing where only a digit may: the digit it is read for.
    static let letterToDigit: [Character: Character] = [
        "O": "0", "Q": "0", "D": "0", "U": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "G": "6", "T": "7", "B": "8",
    ]
    /// A digit standing where only a letter may: the letter it is read for.
    static let digitToLetter: [Character: Character] = [
        "0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B",
    ]
    /// Pairs that are both valid in alphanumeric fields; a check digit decides.
    static let ambiguous: [Character: Character] = [
        "O": "0", "0": "O", "I": "1", "1": "I", "B": "8", "8": "B", "S": "5", "5": "S", "Z": "2", "2": "Z", "G": "6", "6": "G",
    ]

    static func isMRZ(_ character: Character) -> Bool {
        character == "<" || ("A"..."Z").contains(character) || ("0"..."9").contains(character)
    }

    static func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }
    static func isLetter(_ character: Character) -> Bool { ("A"..."Z").contains(character) }

    /// The character a position of `kind` must hold instead of `character`, or `nil` when it may stay.
    static func forcedRepair(_ character: Character, kind: MRZCharacterClass) -> Character? {
        switch kind {
        case .alpha:
            return isDigit(character) ? digitToLetter[character] : nil
        case .numeric:
            if character == "K" { return "<" }
            return isLetter(character) ? letterToDigit[character] : nil
        case .sex:
            if ["M", "F", "X", "<"].contains(character) { return nil }
            return fillerLetters.contains(character) ? "<" : nil
        case .alphanumeric:
            return nil
        }
    }

    // MARK: by ASCII code (the repair search works on `MRZWorkingZone.codes`)

    /// The check-digit value of each ASCII code (`-1` outside the MRZ alphabet), as `ICAOCheckDigit.value(of:)`.
    static let checkValues: [Int8] = (0..<256).map { code in
        switch code {
        case 48...57: return Int8(code - 48)
        case 65...90: return Int8(code - 55)
        case 60: return 0
        default: return -1
        }
    }

    /// `forcedRepair` of each ASCII character (index `0xFF`, not ASCII, is never read), by class.
    static func forcedRepairs(_ kind: MRZCharacterClass) -> [Character?] {
        switch kind {
        case .alpha: return alphaRepairs
        case .numeric: return numericRepairs
        case .alphanumeric: return alphanumericRepairs
        case .sex: return sexRepairs
        }
    }

    /// `forcedRepairs` as codes, `0` where the character may stay (every repair is plain ASCII).
    static func forcedRepairCodes(_ kind: MRZCharacterClass) -> [UInt8] {
        switch kind {
        case .alpha: return alphaRepairCodes
        case .numeric: return numericRepairCodes
        case .alphanumeric: return alphanumericRepairCodes
        case .sex: return sexRepairCodes
        }
    }

    private static let alphaRepairCodes = alphaRepairs.map { $0?.asciiValue ?? 0 }
    private static let numericRepairCodes = numericRepairs.map { $0?.asciiValue ?? 0 }
    private static let alphanumericRepairCodes = alphanumericRepairs.map { $0?.asciiValue ?? 0 }
    private static let sexRepairCodes = sexRepairs.map { $0?.asciiValue ?? 0 }

    private static func repairTable(_ kind: MRZCharacterClass) -> [Character?] {
        (0..<128).map { forcedRepair(Character(Unicode.Scalar(UInt8($0))), kind: kind) }
    }

    private static let alphaRepairs = repairTable(.alpha)
    private static let numericRepairs = repairTable(.numeric)
    private static let alphanumericRepairs = repairTable(.alphanumeric)
    private static let sexRepairs = repairTable(.sex)

    /// `ambiguous` of each ASCII character.
    static let ambiguousByCode: [Character?] = (0..<128).map { ambiguous[Character(Unicode.Scalar(UInt8($0)))] }
}
