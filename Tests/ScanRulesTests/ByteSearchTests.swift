import Testing
@testable import ScanRules

@Suite struct ByteSearchTests {
    /// The memchr-based search agrees with a plain scan over random bytes from a small alphabet (so that
    /// partial matches, overlaps and matches at both ends all occur).
    @Test func findsWhatAPlainScanFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let haystack = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            let needle = (0..<Int.random(in: 0...4, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            let expected = needle.isEmpty || (0..<max(0, haystack.count - needle.count + 1)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
            #expect(haystack.withUnsafeBytes { $0.containsBytes(needle) } == expected, "\(haystack) \(needle)")
            let start = Int.random(in: 0...haystack.count, using: &generator)
            let first = needle.isEmpty ? start
                : (start..<max(start, haystack.count - needle.count + 1)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
            #expect(haystack.withUnsafeBytes { $0.firstOffset(of: needle, from: start) } == first, "\(haystack) \(needle) from \(start)")
        }
    }
}
