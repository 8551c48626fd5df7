import Dispatch
import Foundation

/// Runs a function over a batch's items on several threads and hands the results back in input order,
/// a window at a time: memory stays bounded by the window, not by the length of the batch.
public struct BatchRunner: Sendable {
    /// Threads working at once.
    public let jobs: Int
    /// Items in flight at once.
    public let window: Int

    public init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = window ?? max(1, jobs) * 64
    }

    /// Calls `work` on every item (concurrently) and `emit` with each result, in input order.
    ///
    /// Reading and emitting overlap the work: while the workers run on one window, the caller's thread
    /// reads the next window and emits the previous one's results, so the single-threaded parts do not
    /// leave the workers idle. At most two windows are held at once.
    public func run<Output: Sendable>(_ source: some Sequence<BatchItem>, work: @escaping @Sendable (BatchItem) -> Output,
                                      emit: (Output) -> Void) {
        var iterator = source.makeIterator()
        func nextWindow() -> [BatchItem] {
            var items: [BatchItem] = []
            while items.count < window, let item = iterator.next() { items.append(item) }
            return items
        }
        var running = start(nextWindow(), work: work)
        while let current = running {
            let upcoming = nextWindow()
            current.group.wait()
            running = start(upcoming, work: work)
            for result in current.results.values { emit(result) }
        }
    }

    /// Starts the workers on a window; `nil` for an empty one.
    private func start<Output: Sendable>(_ items: [BatchItem], work: @escaping @Sendable (BatchItem) -> Output)
        -> (group: DispatchGroup, results: ResultSlots<Output>)? {
        guard !items.isEmpty else { return nil }
        let results = ResultSlots<Output>(count: items.count)
        let group = DispatchGroup()
        let workers = min(jobs, items.count)
        for worker in 0..<workers {
            DispatchQueue.global().async(group: group) {
                var index = worker
                while index < items.count {
                    results.store(work(items[index]), at: index)
                    index += workers
                }
            }
        }
        return (group, results)
    }
}

/// Result slots filled by many threads, each slot by exactly one.
private final class ResultSlots<Output>: @unchecked Sendable {
    // @unchecked: every index is written by one worker only, and read after the workers' group is done.
    private var slots: [Output?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: Output, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Output] { slots.map { $0! } }
}
