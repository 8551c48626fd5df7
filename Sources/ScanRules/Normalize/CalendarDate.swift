import Foundation

/// A calendar date as printed on a document; `day` is `nil` for month-only dates such as `02/2033`.
public struct CalendarDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The year, four digits.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, or `nil` when only the month is printed.
    public var day: Int?

    public init(year: Int, month: Int, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (as given to `--as-of`).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Whether the day exists in that month (leap years included).
    static func isValid(year: Int, month: Int, day: Int?) -> Bool {
        guard (1...12).contains(month), (1...9999).contains(year) else { return false }
        guard let day else { return true }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }

    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM` when the day is unknown.
    public var iso: String {
        let head = "\(pad(year, 4))-\(pad(month, 2))"
        return day.map { "\(head)-\(pad($0, 2))" } ?? head
    }

    /// The flat output form: `dd/MM/yyyy`, or `MM/yyyy` when the day is unknown.
    public var display: String {
        let tail = "\(pad(month, 2))/\(pad(year, 4))"
        return day.map { "\(pad($0, 2))/\(tail)" } ?? tail
    }

    public var description: String { iso }

    /// Whole years from `self` to `date` (a birthday not yet reached this year does not count).
    public func years(until date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day ?? 1) < (month, day ?? 1) { years -= 1 }
        return years
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension CalendarDate {
    /// Today's date in UTC.
    public static func today() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
