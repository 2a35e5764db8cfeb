/// The items of a URL query (`memberRef=abcde&retryAfter=2`), read as Hummingbird's `URI.queryParameters` reads
/// them: split at `&` (empty items skipped), the name up to the first `=` as it is, the value after it
/// percent-decoded (kept as it came when its encoding is broken; `+` stays a `+`), an item without `=` a name with
/// an empty value.
///
/// Written here because the mock reads its query on every answer: `URI.queryParameters` builds a
/// `FlatDictionary`, generic code that Hummingbird does not specialise across modules, which hashed every name and
/// looked up type metadata for each item, measured at 240 ns of a mock answer's 3.6 µs in process (6.7 %). Here the
/// query's bytes are scanned where they lie (walking a `Substring`'s UTF-8 view instead measured at half that again),
/// and a value is decoded only when it is used.
struct QueryItems: Sendable {
    /// The query, without the `?`.
    let query: String

    init(_ query: String) {
        self.query = query
    }

    /// Calls `body` with each item's name and value, in order, as the query's bytes (the value still
    /// percent-encoded), valid only during the call.
    func forEachItem(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Void) {
        var query = self.query
        query.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "&") { end += 1 }
                if end > start {
                    var equals = start
                    while equals < end, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                    body(
                        UnsafeBufferPointer(rebasing: bytes[start..<equals]),
                        UnsafeBufferPointer(rebasing: bytes[min(equals + 1, end)..<end])
                    )
                }
                start = end + 1
            }
        }
    }

    /// The decoded value of the last item named `name`, if any: a repeated item's last value wins.
    func value(named name: String) -> String? {
        var name = name
        return name.withUTF8 { name in
            var found: String?
            forEachItem { itemName, value in
                if itemName.elementsEqual(name) { found = Self.decoded(value) }
            }
            return found
        }
    }

    /// A value with its percent-encoding removed; as it came when that encoding is broken (a `%` not followed by
    /// two hexadecimal digits).
    static func decoded(_ value: UnsafeBufferPointer<UInt8>) -> String {
        guard value.contains(UInt8(ascii: "%")) else { return String(decoding: value, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.count)
        var index = 0
        while index < value.count {
            guard value[index] == UInt8(ascii: "%") else {
                bytes.append(value[index])
                index += 1
                continue
            }
            guard index + 2 < value.count, let high = hexValue(value[index + 1]), let low = hexValue(value[index + 2])
            else { return String(decoding: value, as: UTF8.self) }
            bytes.append(high << 4 | low)
            index += 3
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
