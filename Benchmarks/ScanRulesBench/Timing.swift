import Foundation

/// Clocks and summaries.
enum Timing {
    /// Nanoseconds on a monotonic clock.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The median duration, in microseconds, of `count` runs.
    static func median(of count: Int, _ body: () -> Void) -> Double {
        percentile(0.5, of: (0..<count).map { _ in
            let start = now()
            body()
            return Double(now() - start) / 1000
        })
    }

    static func percentile(_ fraction: Double, of values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    /// Microseconds as `12.3 µs` or `4.56 ms`.
    static func format(_ microseconds: Double) -> String {
        microseconds >= 1000 ? String(format: "%.2f ms", microseconds / 1000) : String(format: "%.1f µs", microseconds)
    }

    /// The process's peak resident set, in MiB.
    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
