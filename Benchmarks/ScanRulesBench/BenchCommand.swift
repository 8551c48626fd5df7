import ArgumentParser
import Foundation
import ScanRules

@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scanrules-bench",
        abstract: "Measure rule loading, parsing and extraction on the bundled fixtures.",
        discussion: """
        Build in release mode for meaningful numbers:
          swift run -c release scanrules-bench
          swift run -c release scanrules-bench --type CCVE --rounds 200 --scaling
        """
    )

    @Option(help: "Only this document type (default: every type with fixtures).")
    var type: String?

    @Option(help: "Passes over each type's fixtures.")
    var rounds = 100

    @Option(help: "Threads for the all-cores throughput (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The fixtures folder.")
    var fixtures = "Fixtures"

    @Flag(help: "Also measure how extraction time grows with 1×, 10× and 100× the words.")
    var scaling = false

    func run() throws {
        let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
        print("scanrules-bench — \(machine); \(rounds) rounds; times per document")
        let load = Timing.median(of: 5) { _ = try? RuleSet.bundled().all() }
        print("rule loading and compilation (all bundled rules): \(Timing.format(load))")
        let engine = RuleEngine(rules: try RuleSet.bundled())
        let workloads = try Workload.all(in: URL(fileURLWithPath: fixtures), only: type)
        guard !workloads.isEmpty else { throw ValidationError("no fixtures with OCR input under \(fixtures)") }
        print(TypeReport.header)
        for workload in workloads {
            print(try TypeReport.measure(workload, engine: engine, rounds: rounds, jobs: jobs).line)
        }
        if scaling, let ccve = workloads.first(where: { $0.type == "CCVE" }) ?? workloads.first {
            try Scaling.measure(ccve, engine: engine)
        }
        print("peak resident memory: \(Timing.peakResidentMegabytes()) MB")
    }
}
