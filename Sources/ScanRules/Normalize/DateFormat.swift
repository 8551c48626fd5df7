/// A printed date shape such as `dd/MM/yyyy`, `MM/yy` or `dd-MMM-yyyy`, compiled to a PCRE2 pattern
/// that tolerates OCR noise (letters read for digits, any of `/ - . ,` or spaces as separators).
///
/// Tokens: `d`/`dd` day, `M`/`MM` month number, `MMM` month name (Spanish or English, abbreviated or
/// full), `yy` or `yyyy` year. Any other character stands for a separator.
struct DateFormat: Sendable {
    let format: String
    /// Matches one date of this shape; groups `d`, `m`, `mon`, `y`, and `strokes` when the slashes were
    /// read as strokes.
    let regex: Regex
    /// The same, as pattern text without anchors, for searching inside longer text.
    let searchPattern: String
    /// The search pattern compiled.
    let searchRegex: Regex
    let hasDay: Bool
    let twoDigitYear: Bool
    /// The numbers of `regex`'s groups, looked up once rather than by name for every date read.
    private let groups: (day: Int?, month: Int?, monthName: Int?, year: Int?, strokes: Int?)
    /// The slashes the format prints.
    private let slashes: Int

    private static let digit = "[0-9OoIlSBZG]"

    init(_ format: String) throws(DateFormatError) {
        self.format = format
        var runs: [(character: Character, count: Int)] = []
        for character in format {
            if let last = runs.last, last.character == character { runs[runs.count - 1].count += 1 } else { runs.append((character, 1)) }
        }
        let loose = try DateFormat.pattern(format, runs, slashesAsStrokes: false)
        // A slash OCR read as a stroke (`21/04/2025` as `2110412025`) leaves no separator: the second
        // branch takes such a run of digits only when every number is printed at its full width and
        // the year has four digits, so the token's length alone tells where the slashes were. It has
        // the same groups in the same order, which the branch reset `(?|` gives the same numbers.
        let fixedWidth = runs.allSatisfy { run in
            run.character.isLetter ? (run.character == "y" ? run.count == 4 : run.count == 2) : true
        }
        let strict = fixedWidth && format.contains("/") ? try DateFormat.pattern(format, runs, slashesAsStrokes: true).pattern : nil
        let pattern = strict.map { "(?|" + loose.pattern + "|" + $0 + ")" } ?? loose.pattern
        hasDay = loose.hasDay
        twoDigitYear = loose.twoDigitYear
        searchPattern = "(?<![0-9A-Za-z])" + pattern + "(?![0-9])"
        // PCRE2 tries the branches in order, so the strict one matches only when the loose one cannot: its
        // empty group `strokes` (a number of its own, unset after the loose branch) tells that the slashes
        // were read as strokes, with no second match.
        let marked = strict.map { "(?|" + loose.pattern + "|" + $0 + "(?<strokes>))" } ?? loose.pattern
        do {
            regex = try Regex("^\\s*" + marked + "\\s*$")
            searchRegex = try Regex(searchPattern, caseless: true)
        } catch {
            throw DateFormatError(format: format, reason: error.description)
        }
        groups = (regex.groupNumbers["d"], regex.groupNumbers["m"], regex.groupNumbers["mon"], regex.groupNumbers["y"],
                  regex.groupNumbers["strokes"])
        slashes = format.filter { $0 == "/" }.count
    }

    /// Characters OCR reads for a printed slash, a thin slanted stroke.
    static let slashStrokes = "1lI|"

    /// The pattern of one shape. `slashesAsStrokes`: each separator printed `/` is exactly one slash or
    /// one of ``slashStrokes``, with no space around it (the strict branch).
    private static func pattern(_ format: String, _ runs: [(character: Character, count: Int)],
                                slashesAsStrokes: Bool) throws(DateFormatError) -> (pattern: String, hasDay: Bool, twoDigitYear: Bool) {
        var pattern = ""
        var hasDay = false, hasMonth = false, twoDigitYear = false, hasYear = false
        var used: Set<String> = []
        // A token printed twice (the bilingual `12 MAR/MAR 1985`) is read once: later copies only match.
        func group(_ name: String, _ body: String) -> String {
            used.insert(name).inserted ? "(?<\(name)>\(body))" : "(?:\(body))"
        }
        for (position, run) in runs.enumerated() {
            switch (run.character, run.count) {
            case ("d", 1...2):
                pattern += group("d", slashesAsStrokes ? "\(DateFormat.digit){2}" : "\(DateFormat.digit){1,2}")
                hasDay = true
            case ("M", 1...2):
                pattern += group("m", slashesAsStrokes ? "\(DateFormat.digit){2}" : "\(DateFormat.digit){1,2}")
                hasMonth = true
            case ("M", 3...4):
                // A month name may carry OCR's digit-for-letter slips (`0CT`) but needs a letter.
                pattern += group("mon", "(?=[0-9]*\\p{L})[\\p{L}0-9]{3,10}\\.?")
                hasMonth = true
            case ("y", 2):
                pattern += group("y", "\(DateFormat.digit){2}")
                twoDigitYear = true
                hasYear = true
            case ("y", 4):
                pattern += group("y", "\(DateFormat.digit){4}")
                hasYear = true
            case (let letter, _) where letter.isLetter:
                throw DateFormatError(format: format, reason: "'\(String(repeating: letter, count: run.count))' is not a date token; use d, dd, M, MM, MMM, yy or yyyy")
            default:
                if slashesAsStrokes && run.character == "/" && run.count == 1 {
                    pattern += "[/\(slashStrokes)]"
                    continue
                }
                // Between two month names (`MAR/MAR`) OCR often reads the slash as I, J or l.
                let betweenNames = position > 0 && position + 1 < runs.count && runs[position - 1].character == "M"
                    && runs[position - 1].count >= 3 && runs[position + 1].character == "M" && runs[position + 1].count >= 3
                pattern += betweenNames ? "\\s*(?:[-/.,\\s]|[IJl1|])\\s*" : "\\s*[-/.,\\s]\\s*"
            }
        }
        guard hasMonth, hasYear else {
            throw DateFormatError(format: format, reason: "a date format needs a month (MM or MMM) and a year (yy or yyyy)")
        }
        return (pattern, hasDay, twoDigitYear)
    }

    /// Reads `text` as a date of this shape; `nil` when it is not one or the date does not exist.
    /// `pivotYear` decides the century of two-digit years: years after it are read as the century before.
    ///
    /// Every date candidate is tried against each format, so the text is read in place as UTF-8: the
    /// regex gives byte ranges and the numbers are read from the bytes, with no strings made.
    func parse(_ text: String, pivotYear: Int) -> (date: CalendarDate, repairs: Int)? {
        let groups = groups
        guard let found = try? regex.firstMatch(inUTF8: text, { match in
            (day: groups.day.flatMap { match[$0] }, month: groups.month.flatMap { match[$0] },
             monthName: groups.monthName.flatMap { match[$0] }, year: groups.year.flatMap { match[$0] },
             strokes: groups.strokes.flatMap { match[$0] } != nil)
        }) else { return nil }
        var repairs = 0
        // Each slash read as a stroke is a repair.
        if found.strokes { repairs += max(1, slashes - DateFormat.slashCount(text)) }
        var contiguous = text
        return contiguous.withUTF8 { utf8 -> (date: CalendarDate, repairs: Int)? in
            // The number in a group of digits OCR may have read as letters (each such letter a repair).
            func number(_ range: Range<Int>?) -> Int? {
                // A group holds one to four of `digit`, so the number cannot overflow.
                guard let range, !range.isEmpty else { return nil }
                var value = 0
                for byte in utf8[range] {
                    var digit = byte
                    if !ByteText.isASCIIDigit(byte) {
                        guard let repaired = ConfusionRepair.digit(forASCII: byte) else { return nil }
                        digit = repaired
                        repairs += 1
                    }
                    value = value * 10 + Int(digit - UInt8(ascii: "0"))
                }
                return value
            }
            var month = number(found.month)
            if month == nil, let range = found.monthName,
               let named = MonthNames.month(String(decoding: utf8[range], as: UTF8.self)) {
                month = named.month
                repairs += named.repairs
            }
            guard let month, var year = number(found.year) else { return nil }
            let day = hasDay ? number(found.day) : nil
            if hasDay && day == nil { return nil }
            if twoDigitYear {
                let century = pivotYear / 100 * 100
                year += year > pivotYear % 100 ? century - 100 : century
            }
            guard CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
            return (CalendarDate(year: year, month: month, day: day), repairs)
        }
    }

    /// The slashes in `text`, as Characters: a slash with a combining mark on it is not one.
    private static func slashCount(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }
        return text.filter { $0 == "/" }.count
    }
}

/// A date format in a rule file that cannot be used.
struct DateFormatError: Error {
    let format: String
    let reason: String
}
