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
    public func run<Output: Sendable>(_ source: some Sequence<BatchItem>, work: @Sendable (BatchItem) -> Output,
                                      emit: (Output) -> Void) {
        var iterator = source.makeIterator()
        while true {
            var items: [BatchItem] = []
            while items.count < window, let item = iterator.next() { items.append(item) }
            guard !items.isEmpty else { return }
            let results = ResultSlots<Output>(count: items.count)
            let batch = items
            DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { worker in
                var index = worker
                while index < batch.count {
                    results.store(work(batch[index]), at: index)
                    index += jobs
                }
            }
            for result in results.values { emit(result) }
        }
    }
}

/// Result slots filled by many threads, each slot by exactly one.
private final class ResultSlots<Output>: @unchecked Sendable {
    // @unchecked: every index is written by one worker only, and read after concurrentPerform returns.
    private var slots: [Output?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: Output, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Output] { slots.map { $0! } }
}
