/// TD1 document numbers longer than 9 characters (ICAO 9303 Part 5, note j): the first 9 characters in
/// columns 6–14, `<` in column 15 where the check digit would be, the rest at the start of the optional
/// data followed by the check digit (computed over the whole number) and a filler.
enum MRZLongDocumentNumber {
    /// The check over the whole number when line 1 holds a long number, else `nil`.
    static func checkSpec(in zone: MRZWorkingZone, layout: MRZLayout) -> MRZCheckSpec? {
        guard let tail = tail(in: zone, layout: layout) else { return nil }
        return MRZCheckSpec(name: .documentNumber, data: [MRZSpan(line: 0, columns: 5..<14), MRZSpan(line: 0, columns: tail)],
                            digit: MRZSpan(line: 0, columns: tail.upperBound..<tail.upperBound + 1), fillerAllowed: false)
    }

    /// The columns of the number's continuation in the optional data (check digit excluded).
    static func tail(in zone: MRZWorkingZone, layout: MRZLayout) -> Range<Int>? {
        guard layout.format == .td1, zone[0, 14] == "<", zone[0, 15] != "<" else { return nil }
        let end = (16..<30).first { zone[0, $0] == "<" } ?? 30
        guard end - 1 > 15 else { return nil }
        return 15..<(end - 1)
    }
}
