/// A printed date shape such as `dd/MM/yyyy`, `MM/yy` or `dd-MMM-yyyy`, compiled to a PCRE2 pattern
/// that tolerates OCR noise (letters read for digits, any of `/ - . ,` or spaces as separators).
///
/// Tokens: `d`/`dd` day, `M`/`MM` month number, `MMM` month name (Spanish or English, abbreviated or
/// full), `yy` or `yyyy` year. Any other character stands for a separator.
struct DateFormat: Sendable {
    let format: String
    /// Matches one date of this shape; groups `d`, `m`, `mon`, `y`.
    let regex: Regex
    /// The same, as pattern text without anchors, for searching inside longer text.
    let searchPattern: String
    /// The search pattern compiled.
    let searchRegex: Regex
    /// Matches the shape with real separators only: a date `regex` matches and this does not had its
    /// slashes read as strokes (each one a repair).
    private let separatedRegex: Regex?
    let hasDay: Bool
    let twoDigitYear: Bool

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
        let pattern = fixedWidth && format.contains("/")
            ? "(?|" + loose.pattern + "|" + (try DateFormat.pattern(format, runs, slashesAsStrokes: true)).pattern + ")"
            : loose.pattern
        hasDay = loose.hasDay
        twoDigitYear = loose.twoDigitYear
        searchPattern = "(?<![0-9A-Za-z])" + pattern + "(?![0-9])"
        do {
            regex = try Regex("^\\s*" + pattern + "\\s*$")
            separatedRegex = pattern == loose.pattern ? nil : try Regex("^\\s*" + loose.pattern + "\\s*$")
            searchRegex = try Regex(searchPattern, caseless: true)
        } catch {
            throw DateFormatError(format: format, reason: error.description)
        }
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
    func parse(_ text: String, pivotYear: Int) -> (date: CalendarDate, repairs: Int)? {
        parse(MatchableText(text), pivotYear: pivotYear)
    }

    /// ``parse(_:pivotYear:)`` on text already prepared for matching (one preparation serves every format tried).
    func parse(_ subject: MatchableText, pivotYear: Int) -> (date: CalendarDate, repairs: Int)? {
        guard let match = try? regex.firstMatch(in: subject) else { return nil }
        var repairs = 0
        if let separatedRegex, (try? separatedRegex.firstMatch(in: subject)) == nil {
            repairs += max(1, format.filter { $0 == "/" }.count - subject.string.filter { $0 == "/" }.count)
        }
        func number(_ group: String) -> Int? {
            guard let range = match.range(named: group) else { return nil }
            let repaired = ConfusionRepair.digits(subject.slice(range))
            repairs += repaired.repairs
            return Int(repaired.text)
        }
        var month = number("m")
        if month == nil, let range = match.range(named: "mon"), let named = MonthNames.month(subject.slice(range)) {
            month = named.month
            repairs += named.repairs
        }
        guard let month, var year = number("y") else { return nil }
        let day = hasDay ? number("d") : nil
        if hasDay && day == nil { return nil }
        if twoDigitYear {
            let century = pivotYear / 100 * 100
            year += year > pivotYear % 100 ? century - 100 : century
        }
        guard CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
        return (CalendarDate(year: year, month: month, day: day), repairs)
    }
}

/// A date format in a rule file that cannot be used.
struct DateFormatError: Error {
    let format: String
    let reason: String
}
