import CPCRE2

/// A PCRE2 pattern compiled once (UTF-8 with Unicode properties, JIT when the platform has it) and
/// safe to use from many threads at once.
///
/// Matching is bounded: a pattern that backtracks catastrophically on some input stops with
/// ``PatternError/limitExceeded(pattern:limit:)`` instead of hanging the caller.
public final class Regex: @unchecked Sendable {
    // @unchecked: `code` and `context` are written only in `init`; PCRE2 documents compiled code and
    // match contexts as safe to share between threads. Each match gets match data no other thread
    // holds: `spareMatchData` is only read and written atomically (see `withMatchData`).
    private let code: OpaquePointer
    private let context: OpaquePointer
    /// A slot holding one match data kept between calls, or nothing while a caller uses it.
    private let spareMatchData: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    /// The pattern as written.
    public let pattern: String
    /// Named groups and their numbers.
    public let groupNumbers: [String: Int]
    /// ``groupNumbers`` as a list: a match looks a name up by comparing a few short strings, cheaper
    /// than hashing the name.
    let namedGroups: [NamedGroup]
    /// Whether the JIT compiler accepted the pattern.
    public let isJITCompiled: Bool

    /// Bounds on the work one match may do.
    public struct Limits: Sendable {
        /// Calls of PCRE2's internal match function (backtracking steps).
        public var match: UInt32
        /// Nesting depth of backtracking (interpreter only; JIT is bounded by its stack).
        public var depth: UInt32
        /// Heap memory for backtracking, in KiB.
        public var heapKiB: UInt32

        public init(match: UInt32 = 1_000_000, depth: UInt32 = 10_000, heapKiB: UInt32 = 20_000) {
            self.match = match
            self.depth = depth
            self.heapKiB = heapKiB
        }
    }

    /// Compiles `pattern`. `caseless` adds PCRE2_CASELESS.
    public init(_ pattern: String, caseless: Bool = false, limits: Limits = Limits()) throws(PatternError) {
        self.pattern = pattern
        var options = UInt32(PCRE2_UTF | PCRE2_UCP)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            let scalarOffset = MatchableText(pattern).scalarOffset(ofByte: min(errorOffset, bytes.count))
            throw .compile(pattern: pattern, offset: scalarOffset, message: Regex.message(for: errorCode))
        }
        code = compiled
        isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.match)
        pcre2_set_depth_limit_8(context, limits.depth)
        pcre2_set_heap_limit_8(context, limits.heapKiB)
        groupNumbers = Regex.readGroupNames(compiled)
        namedGroups = groupNumbers.map { NamedGroup(name: $0.key, number: $0.value) }.sorted { $0.name < $1.name }
        spareMatchData = .allocate(capacity: 1)
        spareMatchData.initialize(to: nil)
    }

    deinit {
        if let spare = spareMatchData.pointee { pcre2_match_data_free_8(OpaquePointer(spare)) }
        spareMatchData.deallocate()
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// The first match at or after code-point offset `start`, or `nil`.
    public func firstMatch(in text: MatchableText, from start: Int = 0) throws(PatternError) -> RegexMatch? {
        try collect(text, within: 0..<text.count, from: start, limit: 1).first
    }

    /// Every non-overlapping match, left to right.
    public func allMatches(in text: MatchableText) throws(PatternError) -> [RegexMatch] {
        try allMatches(in: text, within: 0..<text.count)
    }

    /// Every non-overlapping match inside a stretch of `text` (code points), treated as the whole subject;
    /// ranges are `text`'s. Matching a stretch in place spares copying it into a string of its own.
    public func allMatches(in text: MatchableText, within window: Range<Int>) throws(PatternError) -> [RegexMatch] {
        try collect(text, within: window, from: window.lowerBound, limit: .max)
    }

    /// Up to `limit` matches of a ``Scanner`` as values.
    private func collect(_ text: MatchableText, within window: Range<Int>, from start: Int,
                         limit: Int) throws(PatternError) -> [RegexMatch] {
        var scanner = try Scanner(self, text, within: window, from: start)
        // The groups of all matches go into one array, shared by the matches made from it at the end: an
        // array per match showed in profiles. Room for a few matches up front.
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(4 * scanner.pairCount)
        var found = 0
        while found < limit, try scanner.next() {
            for number in 0..<scanner.pairCount { groups.append(scanner.group(number)) }
            found += 1
        }
        return (0..<found).map { RegexMatch(groups: groups, first: $0 * scanner.pairCount, count: scanner.pairCount, names: namedGroups) }
    }

    /// The matches in a stretch of `text` (code points), one at a time, like ``allMatches(in:within:)``
    /// but with nothing allocated per match: a caller that reads each match once (every value pattern,
    /// at every place a value is looked for) keeps no arrays.
    func scanner(in text: MatchableText, within window: Range<Int>) throws(PatternError) -> Scanner {
        try Scanner(self, text, within: window, from: window.lowerBound)
    }

    /// Non-overlapping matches from a position in a stretch of a text, which PCRE2 sees as the whole
    /// subject (`^` matches at its start, look-behind does not see before it); offsets stay the text's.
    /// Its offsets are those of the match ``next()`` last found.
    struct Scanner: ~Copyable {
        private let regex: Regex
        private let text: MatchableText
        private let window: Range<Int>
        private let windowStart: Int, windowLength: Int
        private let matchData: OpaquePointer
        private let ovector: UnsafeMutablePointer<Int>
        /// The number of groups, the whole match included.
        let pairCount: Int
        /// Where the next match is looked for; past the window once there is none.
        private var position: Int

        fileprivate init(_ regex: Regex, _ text: MatchableText, within window: Range<Int>, from start: Int) throws(PatternError) {
            self.regex = regex
            self.text = text
            self.window = window
            windowStart = text.byteOffset(ofScalar: window.lowerBound)
            windowLength = text.byteOffset(ofScalar: window.upperBound) - windowStart
            matchData = try regex.takeMatchData()
            ovector = pcre2_get_ovector_pointer_8(matchData)!
            pairCount = Int(pcre2_get_ovector_count_8(matchData))
            position = start
        }

        deinit { regex.giveBack(matchData) }

        /// Moves to the next match; `false` when there is none.
        mutating func next() throws(PatternError) -> Bool {
            guard position <= window.upperBound else { return false }
            let startByte = text.byteOffset(ofScalar: position) - windowStart
            let (regex, windowStart, windowLength, matchData) = (self.regex, self.windowStart, self.windowLength, self.matchData)
            let matched = try text.utf8.withUnsafeBufferPointer { bytes throws(PatternError) in
                try regex.run(bytes, from: windowStart, length: windowLength, start: startByte, matchData)
            }
            guard matched else {
                position = window.upperBound + 1
                return false
            }
            // An empty match must not stall the scan.
            position = range.isEmpty ? range.upperBound + 1 : range.upperBound
            return true
        }

        /// The whole match.
        var range: Range<Int> { group(0)! }

        /// Group `number`'s range, `nil` when the pattern has no such group or it did not take part.
        func group(_ number: Int) -> Range<Int>? {
            guard number < pairCount, ovector[2 * number] != scanrules_pcre2_unset() else { return nil }
            return text.scalarOffset(ofByte: windowStart + ovector[2 * number])..<text.scalarOffset(ofByte: windowStart + ovector[2 * number + 1])
        }

        /// The range of a named group, `nil` when the pattern has no such group or it did not take part.
        func range(named name: String) -> Range<Int>? {
            guard let number = regex.namedGroups.number(of: name) else { return nil }
            return group(number)
        }
    }

    /// Whether the pattern matches somewhere in `string`; no offsets are computed.
    public func matches(_ string: String) throws(PatternError) -> Bool {
        try firstMatch(inUTF8: string) { _ in () } != nil
    }

    /// Matches `string` once from its start and hands `body` the byte ranges of the groups, for callers
    /// that read a short value byte by byte and need neither code-point offsets nor a ``RegexMatch``;
    /// `nil` when there is no match.
    func firstMatch<Value>(inUTF8 string: String, _ body: (ByteGroups) -> Value) throws(PatternError) -> Value? {
        var string = string
        string.makeContiguousUTF8()
        return try withMatchData { matchData throws(PatternError) -> Value? in
            // The closure's `rethrows` is untyped; the outcome comes out as a value instead.
            let outcome = string.utf8.withContiguousStorageIfAvailable { bytes -> Result<Bool, PatternError> in
                do throws(PatternError) {
                    return .success(try run(bytes, from: 0, length: bytes.count, start: 0, matchData))
                } catch {
                    return .failure(error)
                }
            } ?? .success(false)
            guard try outcome.get() else { return nil }
            return body(ByteGroups(ovector: pcre2_get_ovector_pointer_8(matchData)!,
                                   count: Int(pcre2_get_ovector_count_8(matchData))))
        }
    }

    /// The byte ranges of one match's groups, valid only inside the call that hands them out.
    struct ByteGroups {
        fileprivate let ovector: UnsafeMutablePointer<Int>
        fileprivate let count: Int

        /// Group `number`'s bytes, `nil` when the pattern has no such group or it did not take part.
        subscript(number: Int) -> Range<Int>? {
            guard number < count, ovector[2 * number] != scanrules_pcre2_unset() else { return nil }
            return ovector[2 * number]..<ovector[2 * number + 1]
        }
    }

    /// One call of pcre2_match on `length` bytes of `buffer` from `offset`, starting at byte `start` of
    /// that stretch; whether it matched.
    private func run(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int, length: Int, start: Int,
                     _ matchData: OpaquePointer) throws(PatternError) -> Bool {
        // An empty buffer may have no base address; PCRE2 accepts any non-null pointer for length 0.
        let base = (buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!) + offset
        // The bytes come from a Swift string, valid UTF-8 by construction: PCRE2's own check would rescan
        // the whole subject on every call of a scan.
        let result = pcre2_match_8(code, base, length, start, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
        if result == PCRE2_ERROR_NOMATCH { return false }
        if result < 0 { throw error(for: result) }
        return true
    }

    /// Runs `body` with match data for this pattern (see ``takeMatchData()``).
    private func withMatchData<Value>(_ body: (OpaquePointer) throws(PatternError) -> Value) throws(PatternError) -> Value {
        let matchData = try takeMatchData()
        defer { giveBack(matchData) }
        return try body(matchData)
    }

    /// Match data for this pattern: the spare one when it is free, else a new one; ``giveBack(_:)`` returns
    /// it. Making and freeing match data on every call (thousands per document) showed in profiles; the
    /// slot hands the spare to one caller at a time, so threads and nested calls never share it.
    private func takeMatchData() throws(PatternError) -> OpaquePointer {
        if let spare = scanrules_slot_take(spareMatchData) { return OpaquePointer(spare) }
        guard let made = pcre2_match_data_create_from_pattern_8(code, nil) else {
            throw .match(pattern: pattern, code: PCRE2_ERROR_NOMEMORY, message: "out of memory")
        }
        return made
    }

    /// Keeps `matchData` as the spare, or frees it when there is one already.
    private func giveBack(_ matchData: OpaquePointer) {
        if let surplus = scanrules_slot_give(spareMatchData, UnsafeMutableRawPointer(matchData)) {
            pcre2_match_data_free_8(OpaquePointer(surplus))
        }
    }

    private func error(for code: Int32) -> PatternError {
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: return .limitExceeded(pattern: pattern, limit: "match limit")
        case PCRE2_ERROR_DEPTHLIMIT: return .limitExceeded(pattern: pattern, limit: "depth limit")
        case PCRE2_ERROR_HEAPLIMIT: return .limitExceeded(pattern: pattern, limit: "heap limit")
        case PCRE2_ERROR_JIT_STACKLIMIT: return .limitExceeded(pattern: pattern, limit: "JIT stack limit")
        default: return .match(pattern: pattern, code: code, message: Regex.message(for: code))
        }
    }

    private static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(code)"
    }

    /// Reads PCRE2's name table: entries of a 2-byte big-endian group number then a NUL-terminated name.
    private static func readGroupNames(_ code: OpaquePointer) -> [String: Int] {
        var count: UInt32 = 0, entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        guard count > 0 else { return [:] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [:] }
        var names: [String: Int] = [:]
        for entry in 0..<Int(count) {
            let base = table + entry * Int(entrySize)
            let number = Int(base[0]) << 8 | Int(base[1])
            names[String(cString: base + 2)] = number
        }
        return names
    }
}
