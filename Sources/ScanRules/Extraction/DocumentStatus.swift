/// The verdict on a whole document, as the Scan Studio API reports it.
public enum DocumentStatus: String, Sendable {
    /// Everything required was read and nothing failed; nobody has verified it against a registry.
    case activeButUnverified = "ACTIVE_BUT_UNVERIFIED"
    /// The expiry date is before the reference date.
    case expired = "EXPIRED"
    /// A required field is missing, a check digit or check failed, or a side of the document was not given.
    case needsManualVerification = "NEEDS_MANUAL_VERIFICATION"
}

extension Extraction {
    /// Expired first (an expired document is expired whatever else), then anything missing.
    static func status(expiry: CalendarDate?, asOf: CalendarDate, missingRequired: [String], requiresBackSide: Bool,
                       failedChecks: Bool) -> DocumentStatus {
        if let expiry, expiry.isBefore(asOf) { return .expired }
        if requiresBackSide || !missingRequired.isEmpty || failedChecks { return .needsManualVerification }
        return .activeButUnverified
    }
}

extension CalendarDate {
    /// Whether the whole of this date lies before `other`: a month-only date lasts to the end of its month.
    func isBefore(_ other: CalendarDate) -> Bool {
        guard let day else { return (year, month) < (other.year, other.month) }
        return (year, month, day) < (other.year, other.month, other.day ?? 1)
    }
}
