/// How a value read in the visual zone compares with the same value in the machine-readable zone.
public struct CrossCheck: Sendable, Equatable {
    /// What the comparison found.
    public enum Status: String, Sendable {
        /// Both zones agree.
        case match = "MATCH"
        /// They disagree.
        case mismatch = "MISMATCH"
        /// One of the two could not be read.
        case notPerformed = "NOT_PERFORMED"
    }

    /// What the comparison found.
    public let status: Status
    /// The value as read in the visual zone, when it was.
    public let visual: String?
    /// The value as read in the machine-readable zone, when it was.
    public let machineReadable: String?
    /// Whether a check-digit-verified MRZ value replaced a damaged visual value.
    public let corrected: Bool

    /// Compares two readings of a field: names and numbers folded (accents, case, spacing and separators
    /// do not count, and an MRZ name may be cut short), dates by their calendar value.
    static func compare(visual: ExtractedField?, machineReadable: ExtractedField?) -> Status {
        guard let visual, let machineReadable else { return .notPerformed }
        if let left = visual.date, let right = machineReadable.date { return left == right ? .match : .mismatch }
        let left = TextFolding.foldLabel(visual.value), right = TextFolding.foldLabel(machineReadable.value)
        guard !left.isEmpty, !right.isEmpty else { return .notPerformed }
        return left == right || left.hasPrefix(right) && right.count >= 20 ? .match : .mismatch
    }

    /// Whether `short` is `long` cut after a whole word (folded, so accents and fillers do not count).
    static func isWordPrefix(_ short: String, of long: String) -> Bool {
        let shortWords = short.split(separator: " ").map { TextFolding.foldLabel(String($0)) }
        let longWords = long.split(separator: " ").map { TextFolding.foldLabel(String($0)) }
        return !shortWords.isEmpty && shortWords.count < longWords.count && Array(longWords.prefix(shortWords.count)) == shortWords
    }
}
