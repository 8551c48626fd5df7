/// Reads the members of native ScanRules OCR JSON into plain values, checking each one's kind and naming
/// its path (`pages[0].words[3].box`) when it is wrong. Unknown members are skipped; `null` counts as
/// missing. Checks that need the whole file (offsets against the text) are ``NativeJSONAdapter``'s.
struct NativeJSONParser {
    struct File {
        /// The text's UTF-8 bytes, when given.
        var text: [UInt8]?
        var pages: [Page]
    }

    struct Page {
        var width: Double
        var height: Double
        var words: [Word]
    }

    struct Word {
        var text: String
        var start: Int?
        var end: Int?
        /// Checked to be [left, top, right, bottom] with left ≤ right and top ≤ bottom.
        var box: BoundingBox?
        /// Checked to have at least three points.
        var polygon: [OCRPoint]?
        var confidence: Double?
        var line: Int?
    }

    /// Where a value sits; made into a path such as `pages[0].words[3].box` only for a message.
    private struct Place {
        var page: Int?
        var word: Int?

        func path(_ member: String) -> String {
            var path = page.map { "pages[\($0)]" } ?? ""
            if let word { path += ".words[\(word)]" }
            return path.isEmpty ? member : member.isEmpty ? path : "\(path).\(member)"
        }
    }

    private enum FileKey: Int, CaseIterable { case text, pages }
    private enum PageKey: Int, CaseIterable { case width, height, words }
    private enum WordKey: Int, CaseIterable { case text, start, end, line, confidence, box, polygon }
    private static let fileKeys = JSONKeys(FileKey.self)
    private static let pageKeys = JSONKeys(PageKey.self)
    private static let wordKeys = JSONKeys(WordKey.self)

    private var scanner: JSONScanner
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scanner = JSONScanner(bytes)
    }

    mutating func file() throws(JSONReadError) -> File {
        let top = Place()
        try expect(.object, top, "the top level")
        try scanner.beginObject()
        var text: [UInt8]?, pages: [Page]?
        var seen: UInt8 = 0
        while let key = try scanner.nextKey(Self.fileKeys) {
            try once(key, among: Self.fileKeys, &seen, top)
            switch FileKey(rawValue: key) {
            case .text?:
                if try scanner.skipNull() { continue }
                try expect(.string, top, "text")
                text = try scanner.stringBytes(into: &scratch).map { Array(scanner.bytes[$0]) } ?? scratch
            case .pages?:
                try expect(.array, top, "pages")
                var list: [Page] = []
                try scanner.beginArray()
                while try scanner.nextElement() { list.append(try page(Place(page: list.count))) }
                pages = list
            case nil:
                try scanner.skipValue()
            }
        }
        guard let pages else { throw scanner.failure("missing key 'pages' at the top level") }
        guard scanner.atEnd() else { throw scanner.failure("unexpected text after the document's closing brace") }
        return File(text: text, pages: pages)
    }

    private mutating func page(_ place: Place) throws(JSONReadError) -> Page {
        try expect(.object, place, "")
        try scanner.beginObject()
        var width: Double?, height: Double?, words: [Word]?
        var seen: UInt8 = 0
        while let key = try scanner.nextKey(Self.pageKeys) {
            try once(key, among: Self.pageKeys, &seen, place)
            switch PageKey(rawValue: key) {
            case .width?: width = try number(place, "width")
            case .height?: height = try number(place, "height")
            case .words?:
                try expect(.array, place, "words")
                var list: [Word] = []
                try scanner.beginArray()
                while try scanner.nextElement() { list.append(try word(Place(page: place.page, word: list.count))) }
                words = list
            case nil: try scanner.skipValue()
            }
        }
        guard let width else { throw scanner.failure("missing key 'width' at \(place.path(""))") }
        guard let height else { throw scanner.failure("missing key 'height' at \(place.path(""))") }
        guard let words else { throw scanner.failure("missing key 'words' at \(place.path(""))") }
        return Page(width: width, height: height, words: words)
    }

    private mutating func word(_ place: Place) throws(JSONReadError) -> Word {
        try expect(.object, place, "")
        try scanner.beginObject()
        var text: String?
        var word = Word(text: "")
        var seen: UInt8 = 0
        while let key = try scanner.nextKey(Self.wordKeys) {
            try once(key, among: Self.wordKeys, &seen, place)
            switch WordKey(rawValue: key) {
            case .text?:
                try expect(.string, place, "text")
                text = try scanner.string(into: &scratch)
            case .start?: word.start = try scanner.skipNull() ? nil : try integer(place, "start")
            case .end?: word.end = try scanner.skipNull() ? nil : try integer(place, "end")
            case .line?: word.line = try scanner.skipNull() ? nil : try integer(place, "line")
            case .confidence?: word.confidence = try scanner.skipNull() ? nil : try number(place, "confidence")
            case .box?: try box(into: &word, place)
            case .polygon?: try polygon(into: &word, place)
            case nil: try scanner.skipValue()
            }
        }
        guard let text else { throw scanner.failure("missing key 'text' at \(place.path(""))") }
        word.text = text
        return word
    }

    private mutating func box(into word: inout Word, _ place: Place) throws(JSONReadError) {
        if try scanner.skipNull() { return }
        let start = scanner.position
        var values = (0.0, 0.0, 0.0, 0.0), count = 0
        try numbers(place, "box") { value in
            switch count {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            case 3: values.3 = value
            default: break
            }
            count += 1
        }
        guard count == 4, values.0 <= values.2, values.1 <= values.3 else {
            throw JSONReadError(problem: "\(place.path("box")) must be [left, top, right, bottom] with left ≤ right and top ≤ bottom, got \(source(from: start))", offset: start)
        }
        word.box = BoundingBox(left: values.0, top: values.1, right: values.2, bottom: values.3)
    }

    private mutating func polygon(into word: inout Word, _ place: Place) throws(JSONReadError) {
        if try scanner.skipNull() { return }
        let start = scanner.position
        try expect(.array, place, "polygon")
        var points: [OCRPoint] = [], pairs = true
        try scanner.beginArray()
        while try scanner.nextElement() {
            var pair = (0.0, 0.0), count = 0
            try numbers(place, "polygon[\(points.count)]") { value in
                if count == 0 { pair.0 = value } else { pair.1 = value }
                count += 1
            }
            pairs = pairs && count == 2
            points.append(OCRPoint(x: pair.0, y: pair.1))
        }
        guard pairs, points.count >= 3 else {
            throw JSONReadError(problem: "\(place.path("polygon")) must be a list of at least three [x, y] points, got \(source(from: start))", offset: start)
        }
        word.polygon = points
    }

    /// A list of numbers, each handed to `add`.
    private mutating func numbers(_ place: Place, _ member: @autoclosure () -> String, _ add: (Double) -> Void) throws(JSONReadError) {
        try expect(.array, place, member())
        try scanner.beginArray()
        var index = 0
        while try scanner.nextElement() {
            add(try number(place, "\(member())[\(index)]"))
            index += 1
        }
    }

    private mutating func number(_ place: Place, _ member: @autoclosure () -> String) throws(JSONReadError) -> Double {
        try expect(.number, place, member())
        return try scanner.number()
    }

    private mutating func integer(_ place: Place, _ member: String) throws(JSONReadError) -> Int {
        let start = scanner.position
        let value = try number(place, member)
        guard value == value.rounded(), abs(value) < 1e15 else {
            throw JSONReadError(problem: "\(place.path(member)) should be a whole number, found \(source(from: start))", offset: start)
        }
        return Int(value)
    }

    /// Fails when an object repeats a member this reader uses: which one a writer meant is unknowable, and
    /// readers disagree (the first, the last), so the file is refused rather than read one way silently.
    /// `seen` has a bit per member of the object, in the order of `members`.
    private func once(_ key: Int, among members: JSONKeys, _ seen: inout UInt8, _ place: Place) throws(JSONReadError) {
        guard key != JSONKeys.unknown else { return }
        let mask = UInt8(1) << key
        defer { seen |= mask }
        guard seen & mask != 0 else { return }
        throw scanner.failure("\(place.path("").isEmpty ? "the top level" : place.path("")) has the key '\(members.names[key])' twice; keep one")
    }

    /// Fails unless the next value is of `kind`, naming the value's path and what was found instead.
    private mutating func expect(_ kind: JSONScanner.Kind, _ place: Place, _ member: @autoclosure () -> String) throws(JSONReadError) {
        guard let found = scanner.peekKind() else { throw scanner.expectedValue() }
        guard found == kind else { throw scanner.failure("\(place.path(member())) should be \(kind.rawValue), found \(found.rawValue)") }
    }

    /// The input from `start` to the scanner, as written (shortened), for messages.
    private func source(from start: Int) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position]), as: UTF8.self)
        return text.count > 80 ? text.prefix(77) + "..." : text
    }
}
