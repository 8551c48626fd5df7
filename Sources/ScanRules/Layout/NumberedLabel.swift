/// A label printed after its box number on a numbered form (`31. Primer apellido`, `40. Ciudad/Municipio`
/// on DIAN's forms), found even when OCR garbled its small text past the ordinary edit budget
/// (`31 Prever apelo`): the number, read exactly right before the text, makes a looser spelling safe.
///
/// The number must be its own word (or open the word: `31.Primer`), and the text must follow on the same
/// row within ``editBudget``: half the label's folded length. OCR also drops the first digit of these tiny
/// numbers (`2 Seguras apeto` for `32. Segundo apellido`); such a number is accepted too, its hit scored a
/// little lower. A number misread (`31` for `32`) is not: neighbouring boxes carry neighbouring numbers and
/// often similar labels (`Primer apellido`, `Segundo apellido`).
struct NumberedLabel: Sendable, Hashable {
    /// The printed box number, digits only (`31`).
    let number: String
    /// The label text without its number.
    let label: FoldedLabel
    /// What tells numbered labels apart (`31. PRIMERAPEIIIDO`): a rule keeps each distinct one once.
    let key: String
    /// The number, and the number without its first digit (when it has two or more), packed to be
    /// compared with every number a document opens a word with.
    private let digits: NumberOpening.Digits
    private let digitsAfterFirst: NumberOpening.Digits?

    /// Score kept by a hit whose number lost its first digit.
    static let lostDigitFactor = 0.9
    /// How far the text may start right of the number, in the taller word's heights.
    static let maxGap = 2.0

    /// `nil` when `number` is not 1 to 4 digits.
    init?(number: String, label: FoldedLabel) {
        guard (1...4).contains(number.count), number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else { return nil }
        self.number = number
        self.label = label
        key = "\(number). \(label.text)"
        digits = NumberOpening.Digits(number.utf8)
        digitsAfterFirst = number.count >= 2 ? NumberOpening.Digits(number.utf8.dropFirst()) : nil
    }

    /// Edits tolerated in the text after an exactly read number: half the label's folded length.
    var editBudget: Int { label.codes.count / 2 }

    /// Every place the numbered label occurs, best first; overlapping weaker hits are dropped.
    func find(in matcher: LabelMatcher) -> [LabelHit] {
        var hits: [LabelHit] = []
        for opening in matcher.numberOpenings {
            guard let factor = numberFactor(opening.digits) else { continue }
            if let hit = match(opening, in: matcher, factor: factor) { hits.append(hit) }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.words.lowerBound < $1.words.lowerBound }
        var kept: [LabelHit] = []
        for hit in hits where !kept.contains(where: { $0.words.overlaps(hit.words) }) { kept.append(hit) }
        return kept
    }

    /// How much a hit opened by these digits keeps: 1 for the number, ``lostDigitFactor`` for the number
    /// without its first digit, `nil` for anything else.
    private func numberFactor(_ opening: NumberOpening.Digits) -> Double? {
        if opening == digits { return 1 }
        if opening == digitsAfterFirst { return NumberedLabel.lostDigitFactor }
        return nil
    }

    /// The best match of the label's text after the number in the opening's word: the rest of that word,
    /// then the words continuing its row.
    private func match(_ opening: NumberOpening, in matcher: LabelMatcher, factor: Double) -> LabelHit? {
        let words = matcher.words, first = opening.word
        let length = label.codes.count, budget = editBudget
        var distance = FoldedLabel.Distance(length: length)
        // Each digit folded to one code: the rest of the word's codes are those of the text after the number.
        for code in matcher.codes(ofWord: first).dropFirst(opening.digits.count) { distance.feed(label.positions[Int(code)]) }
        var best: (last: Int, value: Int)?
        if distance.fed > 0, distance.value <= budget { best = (first, distance.value) }
        var last = first + 1
        while last < words.count, distance.fed <= length + budget {
            // Boxes read in place: copying a word would retain its text.
            let previous = words[last - 1].box, box = words[last].box
            guard LabelMatcher.continuesRow(box, words[last].page, after: previous, words[last - 1].page) else { break }
            // The text starts right after the number: a word far to its right belongs to another box.
            if last == first + 1, opening.restIsEmpty,
               box.left - previous.right > NumberedLabel.maxGap * max(box.height, previous.height) { break }
            for code in matcher.codes(ofWord: last) { distance.feed(label.positions[Int(code)]) }
            if distance.fed <= length + budget, distance.value <= budget, best.map({ distance.value < $0.value }) ?? true {
                best = (last, distance.value)
            }
            last += 1
        }
        guard let best else { return nil }
        let range = first..<best.last + 1
        let boxes = range.map { words[$0].box }
        return LabelHit(words: range, page: words[first].page, box: boxes.dropFirst().reduce(boxes[0]) { $0.union($1) },
                        score: (1 - Double(best.value) / Double(length)) * factor, wordBoxes: boxes)
    }
}
