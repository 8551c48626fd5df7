/// The score of fitted zones, remembered by their characters for the length of one search.
///
/// Different fittings and runs often produce the same characters (a filler appended or a run stretched
/// gives the same line), and a read's score and plausibility depend on its characters alone: where the
/// characters came from (offsets, the source character of a normalised look-alike) only changes what the
/// result reports, never a check, a repair count or a date. So each distinct zone is repaired and scored
/// once, and ``MRZ/find(in:asOf:)`` reads a zone in full only when it becomes the best so far.
struct MRZScoreMemo {
    struct Score {
        let score: Double
        let isPlausible: Bool
        /// Whether the characters need no repair and every check digit passes or is absent (with no look-alike
        /// normalised and no filler added, such a zone is read as printed and cannot be bettered).
        let isClean: Bool

        init(_ parts: MRZScoreParts) {
            (score, isPlausible) = parts.score
            isClean = parts.failed == 0 && parts.repairs == 0
        }
    }

    let asOf: CalendarDate
    private var scores: [Key: Score] = [:]

    private struct Key: Hashable {
        let format: MRZFormat
        /// `MRZWorkingZone.code` of each character.
        let codes: [UInt8]
        /// The characters themselves, kept only when some is not a single ASCII scalar other than `\n`
        /// (code 10 is also `\r\n`'s): otherwise comparing codes compares characters.
        let characters: [Character]?

        init(format: MRZFormat, lines: [[MRZCell]]) {
            self.format = format
            var codes: [UInt8] = []
            codes.reserveCapacity(lines.reduce(0) { $0 + $1.count })
            for line in lines { for cell in line { codes.append(cell.code) } }
            self.codes = codes
            characters = codes.contains { $0 == 0xFF || $0 == 10 } ? lines.flatMap { $0.map(\.character) } : nil
        }

        static func == (a: Key, b: Key) -> Bool {
            guard a.format == b.format else { return false }
            switch (a.characters, b.characters) {
            case (nil, nil): return a.codes == b.codes
            case let (x, y): return (x ?? a.codes.map { Character(Unicode.Scalar($0)) }) == (y ?? b.codes.map { Character(Unicode.Scalar($0)) })
            }
        }

        /// Consistent with `==` on characters: `K` (equal to the Kelvin sign), `` ` `` and `;` (equal to
        /// Greek varia and question mark) and every non-ASCII character hash alike.
        func hash(into hasher: inout Hasher) {
            hasher.combine(format)
            hasher.combine(codes.count)
            for code in codes {
                hasher.combine(code == 75 || code == 96 || code == 59 || code >= 128 ? UInt8(0xFE) : code)
            }
        }
    }

    init(asOf: CalendarDate) { self.asOf = asOf }

    /// The score ``MRZReader/read(_:format:asOf:memo:)`` gives `lines` (penalty not included).
    mutating func score(_ lines: [[MRZCell]], format: MRZFormat) -> Score {
        // Offsets and sources dropped: they cannot change the score (see above).
        // Built only when a part is not known yet: most calls find both parts remembered.
        var characters: [[Character]] { lines.map { $0.map(\.character) } }
        var codes: [[UInt8]] { lines.map { $0.map(\.code) } }
        // The rule of `Key.characters`: codes compare as characters unless one is 0xFF or 10.
        guard lines.allSatisfy({ $0.allSatisfy { $0.code != 0xFF && $0.code != 10 } }) else {
            let key = Key(format: format, lines: lines)
            if let known = scores[key] { return known }
            let score = Score(MRZReader.scoreParts(characters, codes: codes, format: format, asOf: asOf, memo: &repairs))
            scores[key] = score
            return score
        }
        // Plain ASCII: the free line and the checked lines are scored apart (see `MRZReader.freeLine`), so a
        // line met with several fittings of the other is repaired once. Codes compare as characters here.
        let free = MRZReader.freeLine(format)
        var freeCodes: [UInt8] = [], checkedCodes: [UInt8] = []
        checkedCodes.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for (index, line) in lines.enumerated() {
            if index == free {
                freeCodes = line.map(\.code)
                freeCodes.append(10)
            } else {
                for cell in line { checkedCodes.append(cell.code) }
                checkedCodes.append(10)   // never a code of a plain ASCII key: separates the lines
            }
        }
        let checkedKey = PartKey(format: format, codes: checkedCodes), freeKey = PartKey(format: format, codes: freeCodes)
        let knownChecked = checkedParts[checkedKey], knownFree = self.freeParts[freeKey]
        if let knownChecked, let knownFree { return Score(knownChecked + knownFree) }
        // Every line prepared at once, and only when a part must be worked out: each part reads only its own
        // lines (see `MRZReader.parts`).
        var preparedZone: MRZWorkingZone?
        func prepared() -> MRZWorkingZone {
            if let preparedZone { return preparedZone }
            let zone = repairs.preparedZone(codes, layout: MRZLayout.of(format)) { _ in true }
            preparedZone = zone
            return zone
        }
        let freeParts: MRZScoreParts
        if let knownFree {
            freeParts = knownFree
        } else {
            freeParts = MRZReader.parts(of: prepared(), format: format, asOf: asOf, group: .free, memo: &repairs)
            self.freeParts[freeKey] = freeParts
        }
        if let knownChecked { return Score(knownChecked + freeParts) }
        let checked = MRZReader.parts(of: prepared(), format: format, asOf: asOf, group: .checked, memo: &repairs)
        checkedParts[checkedKey] = checked
        return Score(checked + freeParts)
    }

    /// ``MRZScoreBound/lineParts(of:line:format:asOf:memo:)`` of `cells` as line `line` of a zone of
    /// `format`, or `nil` when they are not plain ASCII (the line then bounds nothing).
    mutating func bound(_ cells: [MRZCell], line: Int, format: MRZFormat) -> MRZScoreParts? {
        var codes: [UInt8] = []
        codes.reserveCapacity(cells.count + 1)
        for cell in cells {
            guard cell.code != 0xFF, cell.code != 10 else { return nil }
            codes.append(cell.code)
        }
        let lines = (0..<format.lineCount).map { $0 == line ? codes : [] }
        codes.append(UInt8(line))   // every line of a format has the same length: the last byte tells the line
        let key = PartKey(format: format, codes: codes)
        if let known = lineBounds[key] { return known }
        let zone = repairs.preparedZone(lines, layout: MRZLayout.of(format)) { $0 == line }
        let parts = MRZScoreBound.lineParts(of: zone, line: line, format: format, asOf: asOf, memo: &repairs)
        lineBounds[key] = parts
        return parts
    }

    private struct PartKey: Hashable {
        let format: MRZFormat
        let codes: [UInt8]

        /// The codes hashed as one block of bytes: hashing them one by one cost more than scoring a zone.
        func hash(into hasher: inout Hasher) {
            hasher.combine(format)
            codes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// What the repair worked out so far, shared by every zone scored and read in one search.
    var repairs = MRZRepairMemo()
    private var checkedParts: [PartKey: MRZScoreParts] = [:]
    private var freeParts: [PartKey: MRZScoreParts] = [:]
    private var lineBounds: [PartKey: MRZScoreParts] = [:]

    /// The highest score a read of `format` can reach: every check passing, both states known, the
    /// document code, both dates and the sex read, no repair.
    static func ceiling(_ format: MRZFormat) -> Double {
        Double(4 * MRZLayout.of(format).checks.count + 2 * 2 + 2 + 1 + 1 + 1)
    }
}
