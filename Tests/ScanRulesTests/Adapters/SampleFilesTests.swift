import Foundation
import Testing
@testable import ScanRules

/// The real engine outputs in `../shared/ocr-samples/` (provenance in its SOURCES.md). Expected counts,
/// boxes and confidences were read off the source files by hand: TSV `left, top, left+width, top+height`
/// and `conf / 100`; hOCR `bbox` and `x_wconf / 100`; Vision and Document AI `vertices` (Document AI
/// `normalizedVertices` × `dimension`); Azure polygons (× 96 for inches); Textract `BoundingBox` × 1000.
@Suite struct SampleFilesTests {
    static let folder = TestSupport.repository.deletingLastPathComponent().appendingPathComponent("shared/ocr-samples")
    static let available = FileManager.default.fileExists(atPath: folder.path)

    struct Pin: Sendable {
        let text: String
        let box: [Double]
        let confidence: Double
        /// Pins the last word with this text rather than the first.
        var last = false
    }

    struct Sample: Sendable, CustomTestStringConvertible {
        let file: String
        let format: OCRFormat
        let words: Int
        let textStart: String
        let pages: [[Double]]
        let pins: [Pin]
        var testDescription: String { file }
    }

    static let samples: [Sample] = [
        Sample(file: "tesseract_tsv_mealie_test_ocr.tsv", format: .tesseractTSV, words: 60,
               textStart: "This is a lot of 12 point text to test the\nocr code", pages: [[640, 480]],
               pins: [Pin(text: "point", box: [296, 92, 296 + 68, 92 + 30], confidence: 0.92734741),
                      Pin(text: "works", box: [348, 126, 348 + 85, 126 + 24], confidence: 0.92394562)]),
        Sample(file: "tesseract_tsv_topo_map_whitespace_words.tsv", format: .tesseractTSV, words: 1,
               textStart: "11.400.000", pages: [[2342, 3355]],
               pins: [Pin(text: "11.400.000", box: [150, 992, 150 + 167, 992 + 26], confidence: 0)]),
        Sample(file: "tesseract303_alice_page1.hocr", format: .hocr, words: 503,
               textStart: "1 Down the Rabbit-Hole\nAlice was beginning", pages: [[2488, 3507]],
               pins: [Pin(text: "Rabbit-Hole", box: [959, 531, 1383, 585], confidence: 0.89)]),
        Sample(file: "tesseract304_czech_page_060.hocr", format: .hocr, words: 336,
               textStart: "49\nVýlety do okolí.", pages: [[1112, 1777]],
               pins: [Pin(text: "Výlety", box: [361, 147, 500, 190], confidence: 0.78),
                      Pin(text: "&", box: [782, 442, 799, 460], confidence: 0.71),
                      Pin(text: "obíb'ené", box: [786, 578, 901, 605], confidence: 0.83)]),
        Sample(file: "tesseract5_bank_statement_bill.hocr", format: .hocr, words: 91,
               textStart: "FIRST CHEQUING\nLine of Credit 100,000.00 Rate 4.2000\nDate Description", pages: [[957, 307]],
               pins: [Pin(text: "Description", box: [119, 63, 204, 91], confidence: 0.96)]),
        Sample(file: "gcv_document_text_detection_polio_table_1955.json", format: .googleVision, words: 332,
               textStart: "FOR OFFICIAL USE ONLY\nNOT FOR PUBLICATION\nMAY 26, 1955", pages: [[1279, 932]],
               pins: [Pin(text: "FOR", box: [61, 35, 88, 48], confidence: 0.9800000190734863)]),
        Sample(file: "gcv_text_detection_legacy_2016_test_picture.json", format: .googleVision, words: 20,
               textStart: "This is a picture\nThis is a picture\n", pages: [[716, 858]],
               pins: [Pin(text: "This", box: [80, 101, 251, 194], confidence: 1),
                      Pin(text: "picture.", box: [239, 823, 372, 858], confidence: 1, last: true)]),
        Sample(file: "gcv_text_detection_nodejs_client_ascenders.json", format: .googleVision, words: 6,
               textStart: "Ascenders On\nquery png\nwe can", pages: [[648, 382]],
               pins: [Pin(text: "query", box: [61, 186, 229, 232], confidence: 0.932513952255249)]),
        Sample(file: "documentai_ocr_mexico_INE_voter_id_es.json", format: .documentAI, words: 87,
               textStart: "ESTADOS U\nUNIDOS\nMEXICANO\nMÉXICO\n", pages: [[1681, 2379], [1681, 2379]],
               pins: [Pin(text: "SECCIÓN", box: [0.6948245 * 1681, 0.6359815 * 2379, 0.74955386 * 1681, 0.6469105 * 2379], confidence: 0.9260849)]),
        Sample(file: "documentai_id_proofing_drivers_license_montana.json", format: .documentAI, words: 85,
               textStart: "DRIVER LICENSE\nUSA\nMONTANA", pages: [[600, 386]],
               pins: [Pin(text: "DRIVER", box: [297, 20, 382, 36], confidence: 0.90097511)]),
        Sample(file: "documentai_form_parser_form_with_tables.json", format: .documentAI, words: 33,
               textStart: "Form Title\nForm Number:\n12345678", pages: [[1758, 2275]],
               pins: [Pin(text: "Form", box: [630, 395, 855, 465], confidence: 0.9717662)]),
        Sample(file: "documentai_ocr_nodejs_client_ascenders.json", format: .documentAI, words: 6,
               textStart: "Ascenders On\nquery png\nwe can\n", pages: [[648, 382]],
               pins: [Pin(text: "query", box: [61, 186, 229, 232], confidence: 0.9357629418373108)]),
        Sample(file: "azure_formrecognizer_v2.1_layout_WA_drivers_license.json", format: .azure, words: 61,
               textStart: "WA\nUSA WASHINGTON\nDRIVER LICENSE", pages: [[450, 294]],
               pins: [Pin(text: "WA", box: [17, 23, 36, 35], confidence: 0.998),
                      Pin(text: "TALBOT", box: [159, 85, 212, 99], confidence: 0.996)]),
        Sample(file: "azure_formrecognizer_v3_2021-09-30-preview_prebuilt-layout_lorem.json", format: .azure, words: 44,
               textStart: "Lorem Ipsum\nLorem ipsum dolor sit amet", pages: [[2481, 3509]],
               pins: [Pin(text: "Lorem", box: [370, 383, 819, 549], confidence: 0.995)]),
        Sample(file: "azure_docintel_v4_2024-11-30_prebuilt-read_border_patrol_table.json", format: .azure, words: 923,
               textStart: "U.S. BORDER PATROL\nUnited States Border Patrol", pages: Array(repeating: [11 * 96, 8.5 * 96], count: 4),
               pins: [Pin(text: "U.S.", box: [1.2127 * 96, 0.511 * 96, 1.566 * 96, 0.6781 * 96], confidence: 0.992)]),
        Sample(file: "textract_analyzeid_drivers_license_with_ocr.json", format: .textract, words: 53,
               textStart: "MASSACHUSETTS\nDRIVER\nLICENSE", pages: [[1000, 1000]],
               pins: [Pin(text: "MARÍA", box: [0.4032060205936432 * 1000, 0.5020229816436768 * 1000,
                                               (0.4032060205936432 + 0.1380164623260498) * 1000, (0.5020229816436768 + 0.03413746878504753) * 1000],
                          confidence: 0.8854529571533203)]),
        Sample(file: "textract_analyzedocument_forms_tables_employment_application.json", format: .textract, words: 63,
               textStart: "Employment Application\nApplicant Information\nFull Name: Jane Doe", pages: [[1000, 1000]],
               pins: [Pin(text: "Employment", box: [0.28054946660995483 * 1000, 0.1688857227563858 * 1000,
                                                    (0.28054946660995483 + 0.16838330030441284) * 1000, (0.1688857227563858 + 0.03837485983967781) * 1000],
                          confidence: 0.9989954376220703)]),
        Sample(file: "textract_async_text_only_little_women_page1.json", format: .textract, words: 148,
               textStart: "The Project Gutenberg EBook of Little Women, by Louisa M. Alcott\n", pages: [[1000, 1000]],
               pins: [Pin(text: "The", box: [0.12470442056655884 * 1000, 0.09197312593460083 * 1000,
                                             (0.12470442056655884 + 0.032253462821245193) * 1000, (0.09197312593460083 + 0.011946949176490307) * 1000],
                          confidence: 0.9998185729980469)]),
        Sample(file: "textract_detectdocumenttext_js_sdk_v3_ascenders.json", format: .textract, words: 6,
               textStart: "Ascenders On\nquery png\nwe can", pages: [[1000, 1000]],
               pins: [Pin(text: "png", box: [0.3915230929851532 * 1000, 0.47797122597694397 * 1000,
                                             (0.3915230929851532 + 0.1777207851409912) * 1000, (0.47797122597694397 + 0.14399538934230804) * 1000],
                          confidence: 1)]),
        Sample(file: "paddleocr2_system_results_price_label_zh.txt", format: .paddleOCR, words: 18,
               textStart: "氨50克狗牙儿锅巴激情香辣\n品标价签\n会员价", pages: [[5355, 4461]],
               pins: [Pin(text: "3.80", box: [1646, 1748, 3298, 2418], confidence: 1)]),
        Sample(file: "paddleocr2_system_results_vietnamese_sign.txt", format: .paddleOCR, words: 9,
               textStart: "PHỔ\nTRƯỜNG\nTRUNG\nHỌC", pages: [[789, 113]],
               pins: [Pin(text: "PHỔ", box: [505, 45, 551, 71], confidence: 1)]),
    ]

    static func load(_ sample: Sample) throws -> (OCRDocument, Data) {
        let data = try Data(contentsOf: folder.appendingPathComponent(sample.file))
        return (try OCRDocument(data: data, source: sample.file), data)
    }

    @Test(.enabled(if: available, "../shared/ocr-samples is absent")) func everySampleFileIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "SOURCES.md" }
        #expect(Set(files) == Set(Self.samples.map(\.file)))
    }

    @Test(.enabled(if: available, "../shared/ocr-samples is absent"), arguments: samples)
    func loadsWithItsWordsTextAndPages(sample: Sample) throws {
        let (document, data) = try Self.load(sample)
        #expect(try OCRFormat.sniff(String(decoding: data, as: UTF8.self), source: sample.file) == sample.format)
        #expect(document.words.count == sample.words)
        #expect(document.text.hasPrefix(sample.textStart))
        #expect(document.pages.map { [$0.width, $0.height] } == sample.pages)
        for pin in sample.pins {
            let word = try #require(pin.last ? document.words.last { $0.text == pin.text } : document.words.first { $0.text == pin.text },
                                    "no word '\(pin.text)'")
            let box = [word.box.left, word.box.top, word.box.right, word.box.bottom]
            #expect(zip(box, pin.box).allSatisfy { abs($0 - $1) < 1e-6 }, "\(pin.text): \(box) ≠ \(pin.box)")
            #expect(abs(word.confidence - pin.confidence) < 1e-9, "\(pin.text): \(word.confidence) ≠ \(pin.confidence)")
        }
    }

    @Test(.enabled(if: available, "../shared/ocr-samples is absent"), arguments: samples)
    func offsetsAreCodePointsIntoTheText(sample: Sample) throws {
        let (document, _) = try Self.load(sample)
        for word in document.words {
            #expect(document.matchable.slice(word.start..<word.end) == word.text)
            #expect(word.box.left <= word.box.right && word.box.top <= word.box.bottom)
            #expect((0...1).contains(word.confidence))
        }
        let lines = document.words.map(\.line)
        #expect(lines.first == 0 && zip(lines, lines.dropFirst()).allSatisfy { $0 <= $1 }, "lines follow the text")
    }

    @Test(.enabled(if: available, "../shared/ocr-samples is absent"), arguments: samples)
    func nativeJSONRoundTripGivesTheSameDocument(sample: Sample) throws {
        let (document, _) = try Self.load(sample)
        let written = NativeJSONEncoder.encode(document).serialized()
        let read = try OCRDocument(data: Data(written.utf8), source: "roundtrip.json")
        #expect(read.text == document.text)
        #expect(read.pages == document.pages)
    }

    /// Document AI indices count code points: the Spanish sample's accented tokens line up only so.
    @Test(.enabled(if: available, "../shared/ocr-samples is absent"))
    func documentAIIndicesCountCodePointsOnTheSpanishSample() throws {
        let sample = try #require(Self.samples.first { $0.file.hasPrefix("documentai_ocr_mexico") })
        let (document, _) = try Self.load(sample)
        let mexico = try #require(document.words.first { $0.text == "MÉXICO" })
        #expect(mexico.start == 26 && mexico.end == 32)
        let seccion = try #require(document.words.first { $0.text == "SECCIÓN" })
        #expect(seccion.start == 325 && seccion.end == 332)
        #expect(seccion.polygon != nil || mexico.polygon != nil, "tilted INE tokens keep their polygon")
        #expect(document.words.contains { $0.text == "AÑO" })
    }
}
