import Foundation
import ScanRules
let engine = RuleEngine(rules: try RuleSet.bundled())
let files = try FileManager.default.contentsOfDirectory(atPath: "Fixtures/CCVE").filter { $0.hasSuffix(".tsv") }.sorted()
let datas = try files.map { try Data(contentsOf: URL(fileURLWithPath: "Fixtures/CCVE/" + $0)) }
let asOf = CalendarDate(year: 2025, month: 10, day: 23)
var times: [Double] = []
for _ in 0..<(Int(ProcessInfo.processInfo.environment["ROUNDS"] ?? "50") ?? 50) {
    for data in datas {
        let start = DispatchTime.now().uptimeNanoseconds
        let doc = try OCRDocument(data: data, source: "x")
        _ = try engine.extract(doc, type: "CCVE", asOf: asOf)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
    }
}
times.sort()
print("median \(times[times.count/2]) us p99 \(times[times.count*99/100]) us")
