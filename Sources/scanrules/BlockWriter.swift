import Foundation

/// Standard output written in blocks of about 64 KB rather than a system call per result line; each line
/// is written at once when standard output is a terminal, where a person is watching.
struct BlockWriter {
    private var buffer: [UInt8] = []
    private let blockSize: Int

    init() {
        blockSize = isatty(STDOUT_FILENO) != 0 ? 0 : 1 << 16
        buffer.reserveCapacity(blockSize + 8192)
    }

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= blockSize { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
