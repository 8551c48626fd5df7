import Foundation
import ScanRules

/// One document type's fixtures, read into memory: each document as the raw bytes of its pages.
struct Workload {
    let type: String
    let asOf: CalendarDate
    let documents: [[Data]]

    /// Every fixture folder's documents (NAME.tsv, NAME.ocr.json, or pages NAME.p1.tsv, NAME.p2.tsv…).
    static func all(in folder: URL, only type: String?) throws -> [Workload] {
        let asOf = CalendarDate(year: 2025, month: 10, day: 23)
        let types = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { type == nil || $0 == type }
        return try types.compactMap { type in
            let directory = folder.appendingPathComponent(type)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            var documents: [String: [Data]] = [:]
            for name in names where name.hasSuffix(".tsv") || name.hasSuffix(".ocr.json") {
                let stem = name.components(separatedBy: ".").first!
                documents[stem, default: []].append(try Data(contentsOf: directory.appendingPathComponent(name)))
            }
            guard !documents.isEmpty else { return nil }
            return Workload(type: type, asOf: asOf, documents: documents.keys.sorted().map { documents[$0]! })
        }
    }

    func parse(_ pages: [Data]) throws -> OCRDocument {
        OCRDocument.joining(try pages.map { try OCRDocument(data: $0, source: type) })
    }
}
