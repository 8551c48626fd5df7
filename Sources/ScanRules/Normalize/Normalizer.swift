/// Turns the text a pattern captured into the field's value.
enum Normalizer: Sendable {
    /// Whitespace collapsed, nothing else changed.
    case text
    /// Whitespace collapsed and upper case (`c1 08/05/2022` → `C1 08/05/2022`).
    case upper
    /// A person's name: upper case, digits OCR put inside words read as letters, stray punctuation dropped.
    case name
    /// A number as printed: letters OCR put among digits read as digits; `.`, `-` and spaces kept,
    /// but in a number grouped in threes the odd separator out (`1.032.275,103`) is read as the others.
    case number
    /// Only the digits, after the same repair.
    case digits
    /// The digits regrouped in threes with dots (`24,567,391` and `24567391` → `24.567.391`).
    case dottedThousands
    /// A code such as a RIF or a passport number: upper case, separators dropped, the leading letters
    /// kept (all of them, or the first `letters` when given) and letters OCR put among the digits after
    /// them read as digits (`J-3012345G-7` → `J301234567`; with 1 letter, `VO80110428` → `V080110428`).
    case identifier(letters: Int?)
    /// Upper case; each word that is `letters` letters then only digits or letters OCR confuses with
    /// digits is a code whose tail is read as digits (`Al 23/10/2032` → `A1 23/10/2032`, `c2` → `C2`).
    /// Other words are only upper-cased.
    case codes(letters: Int)
    /// A money amount with two decimals and no thousands separators (`B/. 1,617.90` → `1617.90`).
    case amount
    /// A date in one of several printed shapes; two-digit years read as past or future dates.
    case date([DateFormat], twoDigitYears: TwoDigitYears)
    /// Two dates of those shapes, as `dd/MM/yyyy - dd/MM/yyyy` (a billing period).
    case dateRange([DateFormat], twoDigitYears: TwoDigitYears)

    enum TwoDigitYears: String, Sendable {
        /// Birth dates: a two-digit year after the reference year is from the century before.
        case past
        /// Expiry dates: always this century or later.
        case future
    }

    /// A normalised value: the flat text, the date when there is one, and how many characters were repaired.
    struct Result: Sendable {
        var value: String
        var date: CalendarDate?
        var repairs: Int
    }

    func normalize(_ raw: String, asOf: CalendarDate) -> Result? {
        // The name normaliser collapses whitespace in its own single pass (see NameNormalizer.swift).
        let collapsed: String
        if case .name = self { collapsed = raw } else { collapsed = Normalizer.collapsingWhitespace(raw) }
        switch self {
        case .text:
            return collapsed.isEmpty ? nil : Result(value: collapsed, repairs: 0)
        case .upper:
            return collapsed.isEmpty ? nil : Result(value: ByteText.uppercased(collapsed), repairs: 0)
        case .name:
            return Normalizer.normalizedName(collapsed)
        case .number:
            let repaired = ConfusionRepair.digits(collapsed)
            guard repaired.text.contains(where: \.isNumber) else { return nil }
            let grouped = Normalizer.unifyingThousands(repaired.text)
            return Result(value: grouped.text, repairs: repaired.repairs + grouped.repairs)
        case .digits:
            let repaired = ConfusionRepair.digits(collapsed)
            let digits = ByteText.filter(repaired.text, ByteText.isASCIIDigit) ?? repaired.text.filter(\.isASCIIDigit)
            return digits.isEmpty ? nil : Result(value: digits, repairs: repaired.repairs)
        case .dottedThousands:
            // `collapsed` collapses to itself: its whitespace is not collapsed twice.
            guard let digits = Normalizer.digits.normalize(collapsed, asOf: asOf) else { return nil }
            let grouped = Normalizer.groupingThousands(digits.value)
            // Each separator that had to change is a repair too.
            return Result(value: grouped, repairs: max(digits.repairs, Normalizer.differences(collapsed, grouped)))
        case let .identifier(letters):
            let compact = collapsed.uppercased().filter { $0.isLetter || $0.isNumber }
            let prefix = compact.prefix { $0.isLetter }.prefix(letters ?? .max)
            let repaired = ConfusionRepair.digits(String(compact.dropFirst(prefix.count)))
            return compact.isEmpty ? nil : Result(value: String(prefix) + repaired.text, repairs: repaired.repairs)
        case let .codes(letters):
            // ASCII byte by byte (see CodesNormalizer.swift); other text Character by Character.
            if let ascii = Normalizer.asciiCodes(collapsed, letters: letters) { return ascii }
            var repairs = 0
            let words = collapsed.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
                let upper = word.uppercased()
                let head = word.prefix(letters), tail = word.dropFirst(letters)
                guard head.count == letters, head.allSatisfy(\.isLetter), !tail.isEmpty,
                      tail.allSatisfy({ ConfusionRepair.digits(String($0)).text.allSatisfy(\.isASCIIDigit) }) else { return upper }
                let repaired = ConfusionRepair.digits(String(tail))
                repairs += repaired.repairs
                return head.uppercased() + repaired.text
            }
            return collapsed.isEmpty ? nil : Result(value: words.joined(separator: " "), repairs: repairs)
        case .amount:
            return Normalizer.amount(collapsed)
        case let .dateRange(formats, twoDigitYears):
            let dates = Normalizer.dates(in: collapsed, formats: formats, pivot: Normalizer.pivot(twoDigitYears, asOf))
            guard dates.count >= 2 else { return nil }
            return Result(value: "\(dates[0].date.display) - \(dates[1].date.display)", repairs: dates[0].repairs + dates[1].repairs)
        case let .date(formats, twoDigitYears):
            let pivot = Normalizer.pivot(twoDigitYears, asOf)
            for format in formats {
                if let parsed = format.parse(collapsed, pivotYear: pivot) {
                    return Result(value: parsed.date.display, date: parsed.date, repairs: parsed.repairs)
                }
            }
            return nil
        }
    }
}

extension Normalizer {
    /// Runs of whitespace as one space, none at the ends; the text itself when it has nothing to collapse
    /// (the common case, which then costs no allocation).
    static func collapsingWhitespace(_ raw: String) -> String {
        if let collapsed = ByteText.withBytes(raw, .latinLetters, { collapsingLatinWhitespace(raw, $0) }) { return collapsed }
        var previousWasSpace = true
        var clean = true
        for character in raw {
            if character.isWhitespace {
                if previousWasSpace || character != " " { clean = false; break }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        if clean && !previousWasSpace || raw.isEmpty { return raw }
        return raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// ``collapsingWhitespace(_:)`` for ASCII and Latin-1 letters, byte by byte (their whitespace: space,
    /// tab, LF, VT, FF, CR).
    private static func collapsingLatinWhitespace(_ raw: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var previousWasSpace = true
        var clean = true
        for byte in bytes {
            if isLatinSpace(byte) {
                if previousWasSpace || byte != 0x20 { clean = false; break }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        if clean && !previousWasSpace || raw.isEmpty { return raw }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            collapseLatinWhitespace(bytes, into: out) { $0 }
        }
    }

    static func isLatinSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// Writes `bytes` to `out` (at least as long) with each run of ``isLatinSpace(_:)`` bytes as one space and
    /// none at either end, every other byte through `transform`; returns the count written.
    static func collapseLatinWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                                        transform: (UInt8) -> UInt8) -> Int {
        var count = 0
        var spaceDue = false
        for byte in bytes {
            if isLatinSpace(byte) {
                spaceDue = count > 0
                continue
            }
            if spaceDue {
                out[count] = 0x20
                count += 1
                spaceDue = false
            }
            out[count] = transform(byte)
            count += 1
        }
        return count
    }

    /// How a `map:` key and a value are compared: upper case, accents dropped, spaces collapsed; signs
    /// and digits kept, so `0+` and `O+` stay apart.
    static func mapKey(_ text: String) -> String {
        String(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").uppercased().unicodeScalars
            .map { Character(TextFolding.baseLetter($0)) })
    }

    /// Past: a year after the reference year's two digits is from the previous century.
    /// Future: always the reference year's century (expiry dates, as in MRZs).
    static func pivot(_ years: TwoDigitYears, _ asOf: CalendarDate) -> Int {
        years == .past ? asOf.year : asOf.year / 100 * 100 + 99
    }

    /// Every date of any of the formats in `text`, left to right.
    static func dates(in text: String, formats: [DateFormat], pivot: Int) -> [(date: CalendarDate, repairs: Int)] {
        let subject = MatchableText(text)
        var found: [(start: Int, date: CalendarDate, repairs: Int)] = []
        for format in formats {
            guard let matches = try? format.searchRegex.allMatches(in: subject) else { continue }
            for match in matches where !found.contains(where: { $0.start == match.range.lowerBound }) {
                if let parsed = format.parse(subject.slice(match.range), pivotYear: pivot) {
                    found.append((match.range.lowerBound, parsed.date, parsed.repairs))
                }
            }
        }
        return found.sorted { $0.start < $1.start }.map { ($0.date, $0.repairs) }
    }

    /// The last `.` or `,` followed by exactly two digits is the decimal point; others group thousands.
    static func amount(_ text: String) -> Result? {
        let kept = text.filter { $0.isNumber || $0 == "." || $0 == "," }
        guard let digitsStart = kept.firstIndex(where: \.isNumber) else { return nil }
        let number = kept[digitsStart...]
        var integer = String(number.filter(\.isNumber)), decimals = "00"
        if let separator = number.lastIndex(where: { $0 == "." || $0 == "," }) {
            let tail = number[number.index(after: separator)...]
            if tail.count == 2, tail.allSatisfy(\.isNumber) {
                decimals = String(tail)
                integer = String(number[..<separator].filter(\.isNumber))
            }
        }
        guard !integer.isEmpty else { return nil }
        let trimmed = String(integer.drop { $0 == "0" })
        return Result(value: (trimmed.isEmpty ? "0" : trimmed) + "." + decimals, repairs: 0)
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Normalizer {
    /// The digits grouped in threes from the right with dots (`24567391` → `24.567.391`).
    static func groupingThousands(_ digits: String) -> String {
        let grouped = ByteText.withBytes(digits, .ascii) { bytes in
            String(unsafeUninitializedCapacity: bytes.count + bytes.count / 3) { out in
                var count = 0
                for (index, byte) in bytes.enumerated() {
                    if index > 0, (bytes.count - index) % 3 == 0 {
                        out[count] = UInt8(ascii: ".")
                        count += 1
                    }
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
        if let grouped { return grouped }
        let count = digits.count
        var characters = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (count - index) % 3 == 0 { characters.append(".") }
            characters.append(digit)
        }
        return characters
    }

    /// The characters that differ position by position, plus the difference in length. Byte by byte when
    /// both are ASCII: collapsed text holds no CR LF, the one ASCII character of two bytes.
    static func differences(_ collapsed: String, _ grouped: String) -> Int {
        let bytewise = ByteText.withBytes(collapsed, .ascii) { left in
            ByteText.withBytes(grouped, .ascii) { right in
                zip(left, right).reduce(0) { $0 + ($1.0 != $1.1 ? 1 : 0) } + abs(left.count - right.count)
            }
        }
        if let bytewise, let bytewise { return bytewise }
        return zip(collapsed, grouped).filter { $0 != $1 }.count + abs(collapsed.count - grouped.count)
    }
}

extension Normalizer {
    /// A number grouped in threes by dots and commas both, one kind in the minority (`1.032.275,103`):
    /// the minority is OCR's misreading of the other (a dot and a comma differ by a speck), so it is
    /// read as the majority. Groups of other sizes (`1.234,56`, a decimal comma) are left alone.
    static func unifyingThousands(_ text: String) -> (text: String, repairs: Int) {
        if let ascii = ByteText.withBytes(text, .ascii, { unifyingASCIIThousands(text, $0) }) { return ascii }
        let groups = text.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        guard groups.count >= 3, groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return (text, 0) }
        let dots = text.filter { $0 == "." }.count, commas = text.filter { $0 == "," }.count
        guard dots > 0, commas > 0, dots != commas else { return (text, 0) }
        let majority: Character = dots > commas ? "." : ","
        return (String(text.map { $0 == "." || $0 == "," ? majority : $0 }), min(dots, commas))
    }

    /// ``unifyingThousands(_:)`` on ASCII bytes, one Character each (collapsed text holds no CR LF): the
    /// Character-by-Character splitting and counting cost thousands of instructions per number.
    private static func unifyingASCIIThousands(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, repairs: Int) {
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") }
        var groups = 1, groupLength = 0, dots = 0, commas = 0
        for byte in bytes {
            if isSeparator(byte) {
                // Every group but the first has exactly three digits; the first one to three.
                guard groups == 1 ? (1...3).contains(groupLength) : groupLength == 3 else { return (text, 0) }
                if byte == UInt8(ascii: ".") { dots += 1 } else { commas += 1 }
                groups += 1
                groupLength = 0
            } else {
                guard ByteText.isASCIIDigit(byte) else { return (text, 0) }
                groupLength += 1
            }
        }
        guard groups >= 3, groupLength == 3, dots > 0, commas > 0, dots != commas else { return (text, 0) }
        let majority = dots > commas ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let unified = String(unsafeUninitializedCapacity: bytes.count) { out in
            for (index, byte) in bytes.enumerated() { out[index] = isSeparator(byte) ? majority : byte }
            return bytes.count
        }
        return (unified, min(dots, commas))
    }
}
