import Foundation

/// Whether a run of bytes holds another, searched over raw memory: Foundation's string search, and then a
/// plain byte loop, showed in profiles where whole OCR files are searched for keys.
extension UnsafeRawBufferPointer {
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = baseAddress, count >= needle.count else { return false }
        // The C library's vectorised memchr finds candidates by the needle's second byte: keys searched
        // for here start with a quote, which JSON is full of.
        let pivot = needle.count > 1 ? 1 : 0
        return needle.withUnsafeBytes { needleBytes in
            var offset = pivot
            let last = count - needle.count + pivot
            while offset <= last {
                guard let found = memchr(base + offset, Int32(needle[pivot]), last - offset + 1) else { return false }
                let start = base.distance(to: UnsafeRawPointer(found)) - pivot
                if memcmp(base + start, needleBytes.baseAddress!, needle.count) == 0 { return true }
                offset = start + pivot + 1
            }
            return false
        }
    }
}
