/// A string prepared for PCRE2: its UTF-8 bytes plus the table that turns byte offsets back into
/// Unicode code-point offsets, the unit every offset in ScanRules uses.
public struct MatchableText: Sendable {
    /// The text itself.
    public let string: String
    let utf8: [UInt8]
    /// `scalarIndex[b]` is the code-point offset of byte `b`; one extra entry for the end.
    private let scalarIndex: [Int32]
    /// `byteIndex[c]` is the byte offset of code point `c`; one extra entry for the end.
    private let byteIndex: [Int32]

    public init(_ string: String) {
        self.init(string: string, utf8: Array(string.utf8))
    }

    /// The text of `bytes`, which must be valid UTF-8 (so the String holds the same bytes), without
    /// copying them again.
    init(utf8 bytes: [UInt8]) {
        self.init(string: String(decoding: bytes, as: UTF8.self), utf8: bytes)
    }

    private init(string: String, utf8 bytes: [UInt8]) {
        self.string = string
        var scalars = 0
        // Both tables are filled through buffers in one loop, without appends or bounds checks: every
        // document and most normalised values are prepared once, byte by byte.
        var byteOfScalar: [Int32] = []
        let scalarOfByte = [Int32](unsafeUninitializedCapacity: bytes.count + 1) { scalarOfByte, initialized in
            byteOfScalar = [Int32](unsafeUninitializedCapacity: bytes.count + 1) { byteOfScalar, initializedScalars in
                for (offset, byte) in bytes.enumerated() {
                    // Every byte that is not a UTF-8 continuation byte starts a new code point.
                    if byte & 0xC0 != 0x80 {
                        byteOfScalar[scalars] = Int32(offset)
                        scalars += 1
                    }
                    scalarOfByte[offset] = Int32(scalars - 1)
                }
                byteOfScalar[scalars] = Int32(bytes.count)
                initializedScalars = scalars + 1
            }
            scalarOfByte[bytes.count] = Int32(scalars)
            initialized = bytes.count + 1
        }
        utf8 = bytes
        scalarIndex = scalarOfByte
        byteIndex = byteOfScalar
    }

    /// The number of code points.
    public var count: Int { byteIndex.count - 1 }

    func scalarOffset(ofByte byte: Int) -> Int { Int(scalarIndex[byte]) }
    func byteOffset(ofScalar scalar: Int) -> Int { Int(byteIndex[scalar]) }

    /// The substring between two code-point offsets.
    public func slice(_ range: Range<Int>) -> String {
        let bytes = utf8[byteOffset(ofScalar: range.lowerBound)..<byteOffset(ofScalar: range.upperBound)]
        return String(decoding: bytes, as: UTF8.self)
    }
}
