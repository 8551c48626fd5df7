/// Reads the fields out of a repaired zone.
enum MRZFieldReader {
    static func fields(of zone: MRZWorkingZone, layout: MRZLayout) -> [MRZFieldValue] {
        var result: [MRZFieldValue] = []
        let longTail = MRZLongDocumentNumber.tail(in: zone, layout: layout)
        for spec in layout.fields {
            var spans = [spec.span]
            if let longTail {
                if spec.field == .documentNumber { spans.append(MRZSpan(line: 0, columns: longTail)) }
                if spec.field == .optionalData1 { spans = [MRZSpan(line: 0, columns: longTail.upperBound + 1..<30)] }
            }
            let raw = zone.text(spans)
            if spec.field == .names {
                result += names(raw: raw, span: spec.span)
                continue
            }
            result.append(MRZFieldValue(field: spec.field, value: value(of: raw), raw: raw, spans: spans))
        }
        return result
    }

    /// Fillers trimmed at both ends, inner fillers read as spaces.
    static func value(of raw: String) -> String {
        if raw.utf8.allSatisfy({ $0 < 128 }) { return value(ofCodes: Array(raw.utf8)) }
        // Index searches, not lazy reversed views or Foundation: this runs for every field of every read.
        guard let first = raw.firstIndex(where: { $0 != "<" }), let last = raw.lastIndex(where: { $0 != "<" })
        else { return "" }
        return String(raw[first...last].map { $0 == "<" ? " " : $0 })
    }

    /// `value(of: String(zone.characters([span])))`, read off the codes when they are all ASCII: scoring
    /// reads the states, dates and sex of every zone it scores.
    static func value(of zone: MRZWorkingZone, span: MRZSpan) -> String {
        let codes = zone.codes[span.line][span.columns]
        guard codes.allSatisfy({ $0 < 128 }) else { return value(of: String(zone.characters([span]))) }
        return value(ofCodes: codes)
    }

    /// `value(of:)` of ASCII text given as its codes.
    private static func value(ofCodes codes: some BidirectionalCollection<UInt8>) -> String {
        guard let first = codes.firstIndex(where: { $0 != 60 }), let last = codes.lastIndex(where: { $0 != 60 })
        else { return "" }
        // Decoded from an array: a lazy view takes the slow, non-contiguous path.
        return String(decoding: codes[first...last].map { $0 == 60 ? 32 : $0 }, as: UTF8.self)
    }

    /// The name area, then its primary identifier (before `<<`) and secondary identifier (after).
    /// Read off the bytes when each is one character (ASCII without `\r`, which `\r\n` would join): this
    /// runs for every zone read, and `Character` arrays cost a third of reading one.
    private static func names(raw: String, span: MRZSpan) -> [MRZFieldValue] {
        if raw.utf8.allSatisfy({ $0 < 128 && $0 != 13 }) {
            return names(Array(raw.utf8), filler: UInt8(ascii: "<"), raw: raw, span: span) { String(decoding: $0, as: UTF8.self) }
        }
        return names(Array(raw), filler: "<", raw: raw, span: span, string: string)
    }

    private static func names<Element: Equatable>(_ characters: [Element], filler: Element, raw: String, span: MRZSpan,
                                                  string: (ArraySlice<Element>) -> String) -> [MRZFieldValue] {
        let end = (characters.lastIndex { $0 != filler } ?? -1) + 1
        var separator = end
        for index in 0..<max(0, end - 1) where characters[index] == filler && characters[index + 1] == filler {
            separator = index
            break
        }
        func field(_ name: MRZField, _ range: Range<Int>) -> MRZFieldValue {
            let value = characters[range].split(separator: filler).map(string).joined(separator: " ")
            return MRZFieldValue(field: name, value: value, raw: string(characters[range]),
                                 spans: [MRZSpan(line: span.line, columns: span.columns.lowerBound + range.lowerBound ..< span.columns.lowerBound + range.upperBound)])
        }
        var secondaryStart = min(separator + 2, end)
        while secondaryStart < end, characters[secondaryStart] == filler { secondaryStart += 1 }
        return [
            MRZFieldValue(field: .names, value: string(characters[..<end]), raw: raw, spans: [span]),
            field(.primaryIdentifier, 0..<separator),
            field(.secondaryIdentifier, secondaryStart..<max(secondaryStart, end)),
        ]
    }

    /// `String(characters)`, appended one by one: the generic initialiser cost ten times as much.
    private static func string(_ characters: ArraySlice<Character>) -> String {
        var text = ""
        text.reserveCapacity(characters.count)
        for character in characters { text.append(character) }
        return text
    }

    /// `YYMMDD` as a date; birth dates take the century that keeps them in the past of `asOf`'s year.
    static func date(_ text: String, isBirth: Bool, asOf: CalendarDate) -> CalendarDate? {
        guard text.count == 6, let digits = CheckInput.digits(text) else { return nil }
        let yy = digits[0] * 10 + digits[1], month = digits[2] * 10 + digits[3], day = digits[4] * 10 + digits[5]
        let year = isBirth && yy > asOf.year % 100 ? 1900 + yy : 2000 + yy
        guard CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
