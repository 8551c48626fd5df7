/// One character of the input on its way into a zone: the MRZ character it stands for, its code-point
/// offset in the input (`nil` for a filler the reader inserted) and what the input held there.
struct MRZCell: Sendable, Equatable {
    var character: Character
    let offset: Int?
    let source: Character?

    static func filler() -> MRZCell { MRZCell(character: "<", offset: nil, source: nil) }
}

/// A line of the input text, trimmed, with its characters mapped into the MRZ alphabet.
struct MRZTextLine: Sendable {
    /// The mapped characters; whitespace inside the line stays as `" "` cells (OCR often reads `<` as space).
    let cells: [MRZCell]
    /// Whether the line looks like part of a zone: upper-case MRZ characters with little else.
    let isCandidate: Bool

    var isBlank: Bool { cells.isEmpty }

    /// Splits `text` into lines, mapping each character: lower case to upper, filler look-alikes to `<`;
    /// characters outside the MRZ alphabet are dropped (and counted against the line).
    static func lines(of text: String) -> [MRZTextLine] {
        var result: [MRZTextLine] = []
        var cells: [MRZCell] = []
        var noise = 0
        var offset = 0
        var previousWasCR = false
        func finish() {
            while cells.last?.character == " " { cells.removeLast() }
            let kept = cells.filter { $0.character != " " }
            let isCandidate = kept.count >= 5 && noise <= max(1, kept.count / 10)
            result.append(MRZTextLine(cells: cells, isCandidate: isCandidate))
            cells = []
            noise = 0
        }
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{0B}" || scalar == "\u{0C}" {
                finish()
                continue
            }
            let source = Character(scalar)
            if scalar.properties.isWhitespace {
                if !cells.isEmpty { cells.append(MRZCell(character: " ", offset: offset, source: source)) }
                continue
            }
            var character = source
            if ("a"..."z").contains(character) {
                character = Character(character.uppercased())
                noise += 1
            } else if MRZCharacters.fillerLookalikes.contains(character) {
                character = "<"
            }
            guard MRZCharacters.isMRZ(character) else { noise += 1; continue }
            cells.append(MRZCell(character: character, offset: offset, source: source))
        }
        finish()
        return result
    }

    /// The fewest MRZ characters a run must hold to be worth reading as a zone: the smallest zone (TD2,
    /// 72 characters) with a quarter lost to OCR. Shorter runs (a card's upper-case labels and values)
    /// are skipped before the costly fitting, which otherwise dominates extraction time on ID cards.
    static let minimumRunCharacters = 54

    /// Runs of consecutive candidate lines long enough to hold a zone; blank lines between them do not
    /// break a run.
    static func candidateRuns(_ lines: [MRZTextLine]) -> [[MRZTextLine]] {
        allCandidateRuns(lines).filter { run in
            run.reduce(0) { $0 + $1.cells.filter { $0.character != " " }.count } >= minimumRunCharacters
        }
    }

    private static func allCandidateRuns(_ lines: [MRZTextLine]) -> [[MRZTextLine]] {
        var runs: [[MRZTextLine]] = []
        var current: [MRZTextLine] = []
        for line in lines {
            if line.isBlank { continue }
            if line.isCandidate {
                current.append(line)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
