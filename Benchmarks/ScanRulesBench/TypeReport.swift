import Dispatch
import Foundation
import MallocCounter
import ScanRules

/// One document type's numbers: parsing, extraction and the raw-PCRE2 baseline per document,
/// throughput on one core and on all, allocations per document.
struct TypeReport {
    let type: String
    let documents: Int
    let parse: (median: Double, p99: Double)
    let extract: (median: Double, p99: Double)
    let total: (median: Double, p99: Double)
    let rawPCRE2: Double
    let singleCore: Double
    let allCores: Double
    let jobs: Int
    let allocations: Double

    static let header = "type    docs  parse med  extract med  extract p99  total med  total p99  raw PCRE2  engine/raw  docs/s 1 core  docs/s all  allocs/doc"

    var line: String {
        func column(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        return column(type, 8) + column("\(documents)", 6) + column(Timing.format(parse.median), 11)
            + column(Timing.format(extract.median), 13) + column(Timing.format(extract.p99), 13)
            + column(Timing.format(total.median), 11) + column(Timing.format(total.p99), 11)
            + column(Timing.format(rawPCRE2), 11) + column(String(format: "%.2f×", extract.median / max(rawPCRE2, 0.001)), 12)
            + column(String(format: "%.0f", singleCore), 15) + column(String(format: "%.0f (%d)", allCores, jobs), 12)
            + String(format: "%.0f", allocations)
    }

    static func measure(_ workload: Workload, engine: RuleEngine, rounds: Int, jobs: Int) throws -> TypeReport {
        let parsed = try workload.documents.map(workload.parse)
        // Warm up: the first run pays for lazily initialised tables.
        for document in parsed { _ = try engine.extract(document, type: workload.type, asOf: workload.asOf) }

        var parseTimes: [Double] = [], extractTimes: [Double] = [], totalTimes: [Double] = []
        let allocationsBefore = scanrules_allocation_count()
        for _ in 0..<rounds {
            for pages in workload.documents {
                let start = Timing.now()
                let document = try workload.parse(pages)
                let parsedAt = Timing.now()
                _ = try engine.extract(document, type: workload.type, asOf: workload.asOf)
                let end = Timing.now()
                parseTimes.append(Double(parsedAt - start) / 1000)
                extractTimes.append(Double(end - parsedAt) / 1000)
                totalTimes.append(Double(end - start) / 1000)
            }
        }
        let perDocument = Double(scanrules_allocation_count() - allocationsBefore) / Double(rounds * workload.documents.count)
        let singleCore = Double(totalTimes.count) / (totalTimes.reduce(0, +) / 1_000_000)

        let raw = rawBaseline(parsed, patterns: try engine.rules.rule(for: workload.type)?.patterns ?? [], rounds: rounds)
        let allCores = try parallelThroughput(workload, engine: engine, rounds: rounds, jobs: jobs)
        func summary(_ values: [Double]) -> (Double, Double) { (Timing.percentile(0.5, of: values), Timing.percentile(0.99, of: values)) }
        return TypeReport(type: workload.type, documents: workload.documents.count, parse: summary(parseTimes),
                          extract: summary(extractTimes), total: summary(totalTimes), rawPCRE2: raw,
                          singleCore: singleCore, allCores: allCores, jobs: jobs, allocations: perDocument)
    }

    /// The median time to run every value pattern of the rule once over a document's whole text: what
    /// the rules cost as bare regular expressions, with no label search, geometry or normalising.
    private static func rawBaseline(_ documents: [OCRDocument], patterns: [Regex], rounds: Int) -> Double {
        var times: [Double] = []
        for _ in 0..<rounds {
            for document in documents {
                let start = Timing.now()
                for pattern in patterns { _ = try? pattern.allMatches(in: document.matchable) }
                times.append(Double(Timing.now() - start) / 1000)
            }
        }
        return Timing.percentile(0.5, of: times)
    }

    /// Documents per second, parse and extract, with `jobs` threads sharing one engine.
    private static func parallelThroughput(_ workload: Workload, engine: RuleEngine, rounds: Int, jobs: Int) throws -> Double {
        let start = Timing.now()
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            for round in 0..<rounds where round % jobs == job {
                for pages in workload.documents {
                    _ = try? engine.extract(workload.parse(pages), type: workload.type, asOf: workload.asOf)
                }
            }
        }
        let seconds = Double(Timing.now() - start) / 1_000_000_000
        return Double(rounds * workload.documents.count) / seconds
    }
}
