import CPCRE2

/// A PCRE2 pattern compiled once (UTF-8 with Unicode properties, JIT when the platform has it) and
/// safe to use from many threads at once.
///
/// Matching is bounded: a pattern that backtracks catastrophically on some input stops with
/// ``PatternError/limitExceeded(pattern:limit:)`` instead of hanging the caller.
public final class Regex: @unchecked Sendable {
    // @unchecked: `code` and `context` are written only in `init`; PCRE2 documents compiled code and
    // match contexts as safe to share between threads, and each match gets its own match data.
    private let code: OpaquePointer
    private let context: OpaquePointer
    /// The pattern as written.
    public let pattern: String
    /// Named groups and their numbers.
    public let groupNumbers: [String: Int]
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
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// The first match at or after code-point offset `start`, or `nil`.
    public func firstMatch(in text: MatchableText, from start: Int = 0) throws(PatternError) -> RegexMatch? {
        let matchData = try makeMatchData()
        defer { pcre2_match_data_free_8(matchData) }
        return try firstMatch(in: text, window: 0..<text.count, from: start, using: matchData)
    }

    private func makeMatchData() throws(PatternError) -> OpaquePointer {
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else {
            throw .match(pattern: pattern, code: PCRE2_ERROR_NOMEMORY, message: "out of memory")
        }
        return matchData
    }

    /// The first match at or after `start` in the stretch `window` of `text`, which PCRE2 sees as the
    /// whole subject (`^` matches at its start, look-behind does not see before it); offsets stay `text`'s.
    private func firstMatch(in text: MatchableText, window: Range<Int>, from start: Int,
                            using matchData: OpaquePointer) throws(PatternError) -> RegexMatch? {
        guard start <= window.upperBound else { return nil }
        let windowStart = text.byteOffset(ofScalar: window.lowerBound)
        let windowLength = text.byteOffset(ofScalar: window.upperBound) - windowStart
        let startByte = text.byteOffset(ofScalar: start) - windowStart
        let result = text.utf8.withUnsafeBufferPointer { buffer in
            // An empty array may have no base address; PCRE2 accepts any non-null pointer for length 0.
            let base = (buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!) + windowStart
            // A `MatchableText` comes from a Swift string, valid UTF-8 by construction: PCRE2's own check
            // would rescan the whole subject on every call of a scan.
            return pcre2_match_8(code, base, windowLength, startByte, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
        }
        if result == PCRE2_ERROR_NOMATCH { return nil }
        if result < 0 { throw error(for: result) }
        let pairCount = Int(pcre2_get_ovector_count_8(matchData))
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let unset = scanrules_pcre2_unset()
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(pairCount)
        for pair in 0..<pairCount {
            let lower = ovector[2 * pair], upper = ovector[2 * pair + 1]
            if lower == unset {
                groups.append(nil)
            } else {
                groups.append(text.scalarOffset(ofByte: windowStart + lower)..<text.scalarOffset(ofByte: windowStart + upper))
            }
        }
        return RegexMatch(range: groups[0]!, groups: groups, groupNumbers: groupNumbers)
    }

    /// Whether the pattern matches somewhere in `string`; no offsets are computed, so nothing is allocated
    /// beyond PCRE2's match data.
    public func matches(_ string: String) throws(PatternError) -> Bool {
        let matchData = try makeMatchData()
        defer { pcre2_match_data_free_8(matchData) }
        var string = string
        string.makeContiguousUTF8()
        let result = string.utf8.withContiguousStorageIfAvailable { bytes in
            pcre2_match_8(code, bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count, 0, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
        } ?? PCRE2_ERROR_NOMATCH
        if result == PCRE2_ERROR_NOMATCH { return false }
        if result < 0 { throw error(for: result) }
        return true
    }

    /// Every non-overlapping match, left to right.
    public func allMatches(in text: MatchableText) throws(PatternError) -> [RegexMatch] {
        try allMatches(in: text, within: 0..<text.count)
    }

    /// Every non-overlapping match inside a stretch of `text` (code points), treated as the whole subject;
    /// ranges are `text`'s. Matching a stretch in place spares copying it into a string of its own.
    public func allMatches(in text: MatchableText, within window: Range<Int>) throws(PatternError) -> [RegexMatch] {
        // One match data for the whole scan: it is only scratch space between calls.
        let matchData = try makeMatchData()
        defer { pcre2_match_data_free_8(matchData) }
        var matches: [RegexMatch] = []
        var position = window.lowerBound
        while let match = try firstMatch(in: text, window: window, from: position, using: matchData) {
            matches.append(match)
            // An empty match must not stall the scan.
            position = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
            if position > window.upperBound { break }
        }
        return matches
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
