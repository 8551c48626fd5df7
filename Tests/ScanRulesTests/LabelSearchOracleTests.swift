import Foundation
import Testing
@testable import ScanRules

/// The label matcher against a plain reference search on every fixture, for the labels its rule anchors
/// to and every rule's keywords: for each starting word, the classic edit-distance table against the words that
/// follow it on its row, best end kept, overlapping weaker hits dropped. The matcher's shortcuts (pieces
/// of the label found exactly, row reach, code sets, bit-parallel distance) must not lose or add a hit.
@Suite struct LabelSearchOracleTests {
    @Test func theMatcherFindsWhatAnExhaustiveSearchFinds() throws {
        let rules = try TestSupport.engine.rules.all()
        let keywords = rules.flatMap(\.keywords)
        var compared = 0
        for fixture in try Evaluator.fixtures(in: TestSupport.fixtures) {
            let type = try GroundTruth(contentsOf: fixture.truth).documentType
            let rule = try #require(rules.first { $0.code == type })
            // What extracting this document searches for: its rule's labels, and every type's keywords.
            var labels: [FoldedLabel] = []
            for label in keywords + rule.anchorLabels + rule.numberedLabels.map(\.label)
            where !labels.contains(where: { $0.text == label.text }) { labels.append(label) }
            let document = try OCRDocument(contentsOf: fixture.inputs.map(\.path))
            let matcher = LabelMatcher(words: document.words)
            let codes = document.words.map { TextFolding.foldCodes($0.text) }
            for label in labels {
                let found = matcher.find(label).map { "\($0.words) \($0.score)" }
                let expected = Self.exhaustive(label, in: document.words, codes: codes).map { "\($0.words) \($0.score)" }
                #expect(found == expected, "\(fixture.name): \(label.text)")
                compared += 1
            }
        }
        #expect(compared > 4_000)
    }

    /// Every word start tried, every end on its row, distances from the full table (filled a text code
    /// at a time: one column per code, label codes down the rows).
    static func exhaustive(_ label: FoldedLabel, in words: [OCRWord], codes: [[UInt8]]) -> [(words: Range<Int>, score: Double)] {
        let budget = label.editBudget, length = label.codes.count
        var hits: [(words: Range<Int>, score: Double)] = []
        var column = [Int](repeating: 0, count: length + 1), next = column
        for first in words.indices where !codes[first].isEmpty {
            for row in 0...length { column[row] = row }
            var fed = 0
            var best: (last: Int, distance: Int)?
            var last = first
            words: while last < words.count {
                if last > first {
                    guard LabelMatcher.continuesRow(words[last].box, words[last].page, after: words[last - 1].box, words[last - 1].page) else { break }
                }
                for code in codes[last] {
                    fed += 1
                    if fed > length + budget { break words }
                    next[0] = fed
                    for row in 1...length {
                        next[row] = min(column[row] + 1, next[row - 1] + 1, column[row - 1] + (label.codes[row - 1] == code ? 0 : 1))
                    }
                    swap(&column, &next)
                }
                if column[length] <= budget, best.map({ column[length] < $0.distance }) ?? true { best = (last, column[length]) }
                last += 1
            }
            if let best { hits.append((first..<best.last + 1, 1 - Double(best.distance) / Double(length))) }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.words.lowerBound < $1.words.lowerBound }
        var kept: [(words: Range<Int>, score: Double)] = []
        for hit in hits where !kept.contains(where: { $0.words.overlaps(hit.words) }) { kept.append(hit) }
        return kept
    }
}
