import Foundation

/// Substring search over raw memory: Foundation's string search, and then a plain byte loop, showed in
/// profiles where whole OCR files are searched for keys and native JSON words located in their text.
extension UnsafeRawBufferPointer {
    func containsBytes(_ needle: [UInt8]) -> Bool {
        firstOffset(of: needle) != nil
    }

    /// Where `needle` first occurs at or after byte `start`; `start` itself for an empty needle.
    func firstOffset(of needle: [UInt8], from start: Int = 0) -> Int? {
        guard !needle.isEmpty else { return start }
        guard let base = baseAddress, count - start >= needle.count else { return nil }
        // The C library's vectorised memchr finds candidates by the needle's second byte: keys searched
        // for here start with a quote, which JSON is full of.
        let pivot = needle.count > 1 ? 1 : 0
        return needle.withUnsafeBytes { needleBytes in
            var offset = start + pivot
            let last = count - needle.count + pivot
            while offset <= last {
                guard let found = memchr(base + offset, Int32(needle[pivot]), last - offset + 1) else { return nil }
                let candidate = base.distance(to: UnsafeRawPointer(found)) - pivot
                if memcmp(base + candidate, needleBytes.baseAddress!, needle.count) == 0 { return candidate }
                offset = candidate + pivot + 1
            }
            return nil
        }
    }
}
