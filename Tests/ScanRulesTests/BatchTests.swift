import Foundation
import Testing
@testable import ScanRules

@Suite struct BatchTests {
    @Test func foldersAreReadSortedWithoutTruthOrExpectedFiles() throws {
        let items = Array(BatchSource(inputs: [TestSupport.fixtures.appendingPathComponent("CCVE").path]))
        let names = items.map { URL(fileURLWithPath: $0.id).lastPathComponent }
        #expect(names == names.sorted())
        #expect(names.contains("ccve-01.tsv") && names.contains("ccve-seed.ocr.json"))
        #expect(!names.contains { $0.hasSuffix(".truth.json") || $0.hasSuffix(".expected.json") })
        #expect(items.allSatisfy { (try? $0.content.get()) != nil })
    }

    @Test func jsonLinesCarryTheirIdsAndBadLinesBecomeItems() throws {
        let seed = try String(contentsOf: TestSupport.fixtures.appendingPathComponent("CCVE/ccve-seed.ocr.json"), encoding: .utf8)
        let compact = try String(decoding: JSONSerialization.data(withJSONObject: TestSupport.json(seed)), as: UTF8.self)
        let lines = [compact, #"{"id": "card\u002D7", "ocr": \#(compact)}"#, "", #"{"id": 9, "ocr": "not an object"}"#, "{broken"]
        let path = try TestSupport.temporaryFile(lines.joined(separator: "\n") + "\n", name: "docs.jsonl")
        let items = Array(BatchSource(inputs: [path, "/no/such/file.tsv"]))
        #expect(items.map(\.id) == ["\(path) line 1", "card-7", "9", "\(path) line 5", "/no/such/file.tsv"])
        // The envelope's document is the same document as the bare line.
        let bare = try OCRDocument(data: items[0].content.get(), source: "bare")
        let wrapped = try OCRDocument(data: items[1].content.get(), source: "wrapped")
        #expect(wrapped.text == bare.text && wrapped.words == bare.words)
        #expect((try? items[2].content.get()) == nil)
        #expect("\(items[4].content)".contains("no such file"))
    }

    @Test func resultsComeBackInInputOrderWhateverTheThreads() {
        let items = (0..<1000).map { BatchItem(id: String($0), content: .success(Data())) }
        var seen: [String] = []
        BatchRunner(jobs: 4, window: 37).run(items, work: { item in
            // Uneven work so that threads finish out of order.
            if Int(item.id)! % 7 == 0 { usleep(100) }
            return item.id
        }, emit: { seen.append($0) })
        #expect(seen == items.map(\.id))
    }
}
