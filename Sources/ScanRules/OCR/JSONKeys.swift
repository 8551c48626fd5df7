import Foundation

/// The member names a JSON reader knows, for ``JSONScanner/nextKey(_:)`` to match keys against as bytes.
struct JSONKeys {
    /// The index ``JSONScanner/nextKey(_:)`` gives a key that is none of the names.
    static let unknown = -1

    let names: [String]
    private let bytes: [[UInt8]]

    /// The names of `Key`'s cases, indexed by their raw values (which must count from 0).
    init<Key: CaseIterable & RawRepresentable<Int>>(_: Key.Type) {
        names = Key.allCases.map { String(describing: $0) }
        bytes = names.map { Array($0.utf8) }
    }

    /// No names: every key is unknown, for objects that are only skipped.
    init() {
        names = []
        bytes = []
    }

    func index(of key: UnsafeBufferPointer<UInt8>) -> Int {
        for (index, name) in bytes.enumerated() where name.count == key.count {
            if name.withUnsafeBytes({ memcmp($0.baseAddress!, key.baseAddress!, key.count) }) == 0 { return index }
        }
        return Self.unknown
    }
}
