import Foundation

/// The state a ``BatchRunner`` shares between its reading-and-emitting thread and its workers: items read
/// and not yet taken, and finished results waiting for their turn to be emitted.
final class BatchPipeline<Output: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while holding `condition`.
    private let condition = NSCondition()
    private let window: Int
    /// Items read and not yet taken by a worker, oldest first, with their place in the input.
    private var waiting: [(sequence: Int, item: BatchItem)] = []
    /// Finished results by `sequence % window`: at most `window` items are between reading and emitting.
    private var finished: [Output?]
    /// How many items have been read, and how many emitted.
    private var read = 0, emitted = 0
    /// The source has no more items.
    private var exhausted = false
    /// Who is waiting on `condition`: waking threads only when one waits for what just changed keeps the
    /// futex calls (system time) off the per-document path.
    private var idleWorkers = 0, readerWaiting = false

    init(window: Int) {
        self.window = window
        finished = Array(repeating: nil, count: window)
    }

    /// What the reading thread does next.
    enum Step {
        /// Read up to this many items and give them to ``add(_:exhausted:)`` together.
        case read(Int)
        /// Emit this result: the next in input order.
        case emit(Output)
    }

    /// The reading thread's next step, waiting while there is nothing to do; `nil` once every item has been
    /// emitted. Results are emitted as soon as they are next in order; otherwise items are read while the
    /// window has room.
    func nextStep() -> Step? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if emitted < read, let result = finished[emitted % window] {
                finished[emitted % window] = nil
                emitted += 1
                return .emit(result)
            }
            // Reading a few at a time, handed over in one go, wakes idle workers once per few documents.
            if !exhausted, read - emitted < window { return .read(min(window - (read - emitted), 8)) }
            if exhausted, emitted == read { return nil }
            readerWaiting = true
            condition.wait()
            readerWaiting = false
        }
    }

    /// Adds the items just read; `exhausted` when the source had no more.
    func add(_ items: [BatchItem], exhausted: Bool) {
        condition.lock()
        defer { condition.unlock() }
        for item in items {
            waiting.append((read, item))
            read += 1
        }
        self.exhausted = exhausted
        if idleWorkers > 0 { condition.broadcast() }
    }

    /// The next item for a worker, waiting for one; `nil` when the source is exhausted and all are taken.
    func take() -> (sequence: Int, item: BatchItem)? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty {
            if exhausted { return nil }
            idleWorkers += 1
            condition.wait()
            idleWorkers -= 1
        }
        // At most `window` items wait, so removing the first is cheap.
        return waiting.removeFirst()
    }

    /// Stores a worker's result for the item read as `sequence`.
    func finish(_ result: Output, at sequence: Int) {
        condition.lock()
        defer { condition.unlock() }
        finished[sequence % window] = result
        // The reader waits only for the next result in order.
        if readerWaiting, sequence == emitted { condition.broadcast() }
    }
}
