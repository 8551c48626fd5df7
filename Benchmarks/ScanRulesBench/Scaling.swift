import ScanRules

/// Extraction time on one document repeated as 1, 10 and 100 pages: it must grow linearly (the spatial
/// search is indexed per page), not with the square of the words.
enum Scaling {
    static func measure(_ workload: Workload, engine: RuleEngine) throws {
        let page = try workload.parse(workload.documents[0])
        var base = 0.0
        print("scaling (\(workload.type), first document repeated as pages):")
        for copies in [1, 10, 100] {
            let document = OCRDocument.joining(Array(repeating: page, count: copies))
            let time = Timing.median(of: copies == 100 ? 5 : 21) {
                _ = try? engine.extract(document, type: workload.type, asOf: workload.asOf)
            }
            if copies == 1 { base = time }
            print("  \(copies)× (\(document.words.count) words): \(Timing.format(time)), \(String(format: "%.1f", time / base))× the 1× time")
        }
    }
}
