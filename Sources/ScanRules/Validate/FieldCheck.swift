/// A check run on a field's value once it is found. Unlike a ``Validator`` (which decides what a value
/// may look like and discards candidates that fail), a failed check keeps the value but marks it
/// INVALID, lowers its confidence and sends the document to manual verification: the check may have
/// caught an OCR error in this field or in the one it is compared with.
enum FieldCheck: Sendable {
    /// The value (after `body`'s value, when given) carries a valid check digit of this kind.
    case checkDigit(CheckDigitKind, body: String?)
    /// The value is a date after the date of another field (issue after birth, expiry after issue).
    case after(String)
    /// The value is a date `years` after another field's date, give or take a month.
    case validFor(years: Int, from: String)

    /// The check's name as written in rule files.
    var name: String {
        switch self {
        case let .checkDigit(kind, _): return "checkDigit: \(kind.rawValue)"
        case let .after(field): return "after: \(field)"
        case let .validFor(years, from): return "validForYears: \(years) from \(from)"
        }
    }

    /// The other field the check compares with, if any.
    var source: String? {
        switch self {
        case let .checkDigit(_, body): return body
        case let .after(field), let .validFor(_, field): return field
        }
    }

    /// The outcome, or `nil` when it cannot be performed (the other field is missing, or no date).
    func run(_ value: Normalizer.Result, found: [String: ExtractedField]) -> CheckOutcome? {
        switch self {
        case let .checkDigit(kind, body):
            var subject = value.value
            if let body {
                guard let bodyValue = found[body]?.value else { return nil }
                subject = bodyValue + "-" + value.value
            }
            let result = kind.validate(subject)
            let reason = result.reason.map { reason in result.expected.map { "\(reason) (expected \($0))" } ?? reason }
            return CheckOutcome(name: name, passed: result.valid, reason: reason)
        case let .after(field):
            guard let date = value.date, let other = found[field]?.date else { return nil }
            let passed = other < date
            return CheckOutcome(name: name, passed: passed, reason: passed ? nil : "\(date.iso) is not after \(field) \(other.iso)")
        case let .validFor(years, from):
            guard let date = value.date, let start = found[from]?.date else { return nil }
            let months = (date.year - start.year) * 12 + date.month - start.month
            let passed = abs(months - years * 12) <= 1
            return CheckOutcome(name: name, passed: passed,
                                reason: passed ? nil : "\(date.iso) is not \(years) years after \(from) \(start.iso)")
        }
    }
}

/// What one check said about a value.
public struct CheckOutcome: Sendable, Equatable {
    /// The check as named in the rule file (`checkDigit: nit`, `date: past`).
    public let name: String
    /// Whether the value passed.
    public let passed: Bool
    /// Why it failed.
    public let reason: String?
}

/// The verdict on one field's value.
public struct FieldValidation: Sendable, Equatable {
    /// The verdict on the value.
    public enum Status: String, Sendable {
        /// Every check run passed.
        case valid = "VALID"
        /// A check failed: the value is kept for a person to look at.
        case invalid = "INVALID"
        /// No check could be run.
        case unchecked = "UNCHECKED"
    }

    /// The verdict on the value.
    public let status: Status
    /// Every check run, passed or not.
    public let checks: [CheckOutcome]

    init(checks: [CheckOutcome]) {
        self.checks = checks
        status = checks.isEmpty ? .unchecked : checks.allSatisfy(\.passed) ? .valid : .invalid
    }
}
