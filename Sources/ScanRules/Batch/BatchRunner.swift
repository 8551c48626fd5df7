import Dispatch

/// Runs a function over a batch's items on several threads and hands the results back in input order,
/// with a bounded number of items in flight: memory stays bounded by `window`, not by the batch's length.
public struct BatchRunner: Sendable {
    /// Threads working at once.
    public let jobs: Int
    /// Items read but not yet emitted, at most.
    public let window: Int

    public init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(1, window ?? max(1, jobs) * 64)
    }

    /// Calls `work` on every item (concurrently) and `emit` with each result, in input order.
    ///
    /// The caller's thread reads items and emits results while the workers run; each worker takes the next
    /// item as soon as it is free. (Handing out whole windows made every worker wait at the end of each
    /// window for the slowest document, and kept two threads from doubling the throughput of one.)
    public func run<Output: Sendable>(_ source: some Sequence<BatchItem>, work: @escaping @Sendable (BatchItem) -> Output,
                                      emit: (Output) -> Void) {
        let pipeline = BatchPipeline<Output>(window: window)
        let workers = DispatchGroup()
        for _ in 0..<jobs {
            DispatchQueue.global().async(group: workers) {
                while let (sequence, item) = pipeline.take() {
                    pipeline.finish(work(item), at: sequence)
                }
            }
        }
        var iterator = source.makeIterator()
        while let step = pipeline.nextStep() {
            switch step {
            case let .read(count):
                var items: [BatchItem] = []
                while items.count < count, let item = iterator.next() { items.append(item) }
                pipeline.add(items, exhausted: items.count < count)
            case let .emit(result):
                emit(result)
            }
        }
        workers.wait()
    }
}
