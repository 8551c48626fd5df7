/// Whether a run of bytes holds another, searched over raw memory: Foundation's string search was slow
/// enough to show in profiles where whole OCR files are searched for a key.
extension UnsafeRawBufferPointer {
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return needle.isEmpty }
        var offset = 0
        let last = count - needle.count
        search: while offset <= last {
            if self[offset] == first {
                for index in 1..<needle.count where self[offset + index] != needle[index] {
                    offset += 1
                    continue search
                }
                return true
            }
            offset += 1
        }
        return false
    }
}
