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
        self.string = string
        let bytes = Array(string.utf8)
        var scalarOfByte = [Int32](repeating: 0, count: bytes.count + 1)
        var byteOfScalar: [Int32] = []
        byteOfScalar.reserveCapacity(bytes.count + 1)
        var scalar: Int32 = -1
        for (offset, byte) in bytes.enumerated() {
            // Every byte that is not a UTF-8 continuation byte starts a new code point.
            if byte & 0xC0 != 0x80 {
                scalar += 1
                byteOfScalar.append(Int32(offset))
            }
            scalarOfByte[offset] = scalar
        }
        scalarOfByte[bytes.count] = scalar + 1
        byteOfScalar.append(Int32(bytes.count))
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
