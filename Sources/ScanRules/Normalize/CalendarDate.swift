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

    private static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Whether the day exists in that month (leap years included).
    static func isValid(year: Int, month: Int, day: Int?) -> Bool {
        guard (1...12).contains(month), (1...9999).contains(year) else { return false }
        guard let day else { return true }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = month == 2 ? (isLeap ? 29 : 28) : monthLengths[month - 1]
        return (1...length).contains(day)
    }

    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM` when the day is unknown.
    public var iso: String {
        CalendarDate.compose((year, 4), (month, 2), day.map { ($0, 2) }, separator: UInt8(ascii: "-"))
    }

    /// The flat output form: `dd/MM/yyyy`, or `MM/yyyy` when the day is unknown.
    public var display: String {
        guard let day else { return CalendarDate.compose((month, 2), (year, 4), nil, separator: UInt8(ascii: "/")) }
        return CalendarDate.compose((day, 2), (month, 2), (year, 4), separator: UInt8(ascii: "/"))
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

    /// Zero-padded numbers joined by a separator, written byte by byte: every extracted date is
    /// formatted, and string interpolation showed in profiles.
    private static func compose(_ first: (Int, Int), _ second: (Int, Int), _ third: (Int, Int)?, separator: UInt8) -> String {
        // Fifteen bytes stay a small string (no allocation): parts are clamped to four digits, which
        // every valid date fits.
        String(unsafeUninitializedCapacity: 15) { buffer in
            var count = 0
            func put(_ part: (value: Int, width: Int)) {
                var divisor = 1
                for _ in 1..<max(1, part.width) { divisor *= 10 }
                let value = min(max(part.value, 0), 9999)
                while value / 10 >= divisor { divisor *= 10 }
                while divisor > 0 {
                    buffer[count] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    count += 1
                    divisor /= 10
                }
            }
            put(first)
            buffer[count] = separator
            count += 1
            put(second)
            if let third {
                buffer[count] = separator
                count += 1
                put(third)
            }
            return count
        }
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
