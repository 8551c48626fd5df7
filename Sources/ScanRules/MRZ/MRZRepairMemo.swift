/// What the repair works out from part of a zone, remembered by the characters of that part for the length
/// of one search.
///
/// The fittings of a zone differ in a few places, so the same line, document number or date comes back with
/// every fitting of the other lines. The repairs that depend on one line alone (character classes, filler
/// runs: ``MRZRepairer/prepare(_:line:)``) are made once per line, and the repair search and the ranking of
/// its readings, which look only at a check's own positions (its data and its digit), once per check.
struct MRZRepairMemo {
    struct Answer {
        let candidates: [[MRZChange]]
        let note: MRZRepairNote?
    }

    /// A zone part remembered by its format, a small tag (whether fillers are allowed, or the line number)
    /// and its bytes.
    private struct Key: Hashable {
        let format: MRZFormat
        let tag: Int
        /// For a check: the data spans (line, bounds), the digit's place, then the codes under them, digit
        /// last. For a line: its codes.
        let bytes: [UInt8]

        /// Hashed as one block of bytes, as `MRZScoreMemo` does: byte by byte cost more than the look-up saves.
        func hash(into hasher: inout Hasher) {
            hasher.combine(format)
            hasher.combine(tag)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private var answers: [Key: Answer] = [:]

    /// `lines` (plain ASCII codes, each `MRZWorkingZone.code` of its character) as a zone of `layout`, the
    /// lines for which `wanted` holds prepared (``MRZRepairer/prepare(_:line:)``) and the others left empty:
    /// a part of the score reads its own lines only.
    mutating func preparedZone(_ lines: [[UInt8]], layout: MRZLayout, wanted: (Int) -> Bool) -> MRZWorkingZone {
        let prepared = lines.indices.map { index in
            guard wanted(index) else { return MRZWorkingZone.Line.empty }
            let key = Key(format: layout.format, tag: index, bytes: lines[index])
            if let known = preparedLines[key] { return known }
            // Preparing a line reads and changes that line alone (see `MRZRepairer.prepare`): the others
            // can stay empty.
            let single = lines.indices.map { $0 == index ? lines[index] : [] }
            var zone = MRZWorkingZone(asciiCodes: single)
            MRZRepairer(layout: layout).prepare(&zone, line: index)
            let line = MRZWorkingZone.Line(zone, line: index)
            preparedLines[key] = line
            return line
        }
        return MRZWorkingZone(prepared: prepared)
    }

    private var preparedLines: [Key: MRZWorkingZone.Line] = [:]

    /// The answer for `spec` on `zone`, worked out by `search` when not known yet. Characters outside
    /// ASCII are not remembered (their codes do not tell them apart).
    mutating func answer(_ spec: MRZCheckSpec, _ zone: MRZWorkingZone, format: MRZFormat,
                         search: () -> Answer) -> Answer {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for span in spec.data {
            bytes.append(UInt8(span.line))
            bytes.append(UInt8(span.columns.lowerBound))
            bytes.append(UInt8(span.columns.upperBound))
        }
        bytes.append(UInt8(spec.digit.line))
        bytes.append(UInt8(spec.digit.columns.lowerBound))
        for span in spec.data {
            for column in span.columns {
                let code = zone.codes[span.line][column]
                guard code < 128 else { return search() }
                bytes.append(code)
            }
        }
        let digit = zone.codes[spec.digit.line][spec.digit.columns.lowerBound]
        guard digit < 128 else { return search() }
        bytes.append(digit)
        let key = Key(format: format, tag: spec.fillerAllowed ? 1 : 0, bytes: bytes)
        if let known = answers[key] { return known }
        let answer = search()
        answers[key] = answer
        return answer
    }
}
