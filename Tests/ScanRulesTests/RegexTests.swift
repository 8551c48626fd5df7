import Testing
@testable import ScanRules

@Suite struct RegexTests {
    @Test func namedGroupsReportCodePointRanges() throws {
        // "Ñ" and "é" are two bytes each in UTF-8 and "🙂" four; offsets must still count code points.
        let text = MatchableText("ÑAÑEZ 🙂 fecha: 15/02/1986")
        let regex = try Regex(#"(?<day>\d{2})/(?<month>\d{2})/(?<year>\d{4})"#)
        let match = try #require(try regex.firstMatch(in: text))
        #expect(match.range == 15..<25)
        #expect(match.range(named: "day") == 15..<17)
        #expect(match.range(named: "year") == 21..<25)
        #expect(match.range(named: "nope") == nil)
        #expect(text.slice(match.range) == "15/02/1986")
        #expect(match.groups.count == 4)
    }

    @Test func unicodePropertiesAndCaselessMatching() throws {
        let upper = try Regex(#"^\p{Lu}+$"#)
        #expect(try upper.firstMatch(in: MatchableText("MUÑOZ")) != nil)
        #expect(try upper.firstMatch(in: MatchableText("Muñoz")) == nil)
        let caseless = try Regex("soltera", caseless: true)
        #expect(try caseless.firstMatch(in: MatchableText("EDO CIVIL SOLTERA")) != nil)
        // \w follows Unicode (UCP): an accented letter is a word character.
        let word = try Regex(#"^\w+$"#)
        #expect(try word.firstMatch(in: MatchableText("EXPEDICIÓN")) != nil)
    }

    @Test func allMatchesAdvancePastEmptyMatches() throws {
        let regex = try Regex(#"\d*"#)
        let matches = try regex.allMatches(in: MatchableText("a12b"))
        #expect(matches.map(\.range) == [0..<0, 1..<3, 3..<3, 4..<4])
    }

    @Test func compileErrorsCarryTheCodePointOffset() {
        #expect {
            _ = try Regex("ÁÉ(abc")
        } throws: { error in
            guard case let .compile(_, offset, message)? = error as? PatternError else { return false }
            return offset == 6 && message.contains("missing closing parenthesis")
        }
    }

    @Test func runawayBacktrackingStopsWithALimitError() throws {
        let regex = try Regex(#"^(a+)+$"#, limits: Regex.Limits(match: 100_000, depth: 1_000, heapKiB: 1_000))
        let subject = MatchableText(String(repeating: "a", count: 40) + "b")
        #expect {
            _ = try regex.firstMatch(in: subject)
        } throws: { error in
            guard case .limitExceeded? = error as? PatternError else { return false }
            return "\(error)".contains("exceeded")
        }
    }

    @Test func jitIsUsedOnThisPlatform() throws {
        #expect(try Regex("abc").isJITCompiled)
    }
}

extension RegexTests {
    /// One Regex shared by many threads, nested in its own scan: each match gets match data of its own.
    @Test func sharedRegexMatchesConcurrentlyAndNested() async throws {
        let regex = try Regex(#"(?<n>\d+)"#)
        let text = MatchableText("a1 b22 c333")
        var outer = try regex.scanner(in: text, within: 0..<text.count)
        var nested: [[Range<Int>]] = []
        while try outer.next() { nested.append(try regex.allMatches(in: text).map(\.range)) }
        #expect(nested.count == 3 && nested.allSatisfy { $0 == [1..<2, 4..<6, 8..<11] })
        let results = try await withThrowingTaskGroup(of: [Range<Int>?].self) { group in
            for _ in 0..<8 { group.addTask { try (0..<200).flatMap { _ in try regex.allMatches(in: text).map { $0.range(named: "n") } } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == Array(repeating: [1..<2, 4..<6, 8..<11], count: 200).flatMap { $0 } })
    }
}
