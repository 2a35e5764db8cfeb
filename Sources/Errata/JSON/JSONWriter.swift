/// Writes compact JSON bytes.
///
/// Hand-written because it is the render hot path: error bodies must be byte-exact (Foundation's `JSONEncoder`
/// on Linux reorders keys between runs and escapes `/`), and rendering an error should cost about what copying
/// its bytes costs. Strings are escaped per RFC 8259 §7: `"`, `\` and control characters; everything else,
/// `/` and non-ASCII included, is written as UTF-8 as it is.
package struct JSONWriter {
    package var bytes: [UInt8]

    package init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inlinable
    package static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Appends the escaped contents of a string, without quotes.
    @inline(__always)
    package static func appendEscaped<Sink: ByteSink>(_ string: String, to bytes: inout Sink) {
        // Read in place: `withUTF8` needs a mutable copy of the string (a retain and a release per value on the render
        // hot path), which only a string not stored as UTF-8 (bridged from Objective-C) needs.
        if string.utf8.withContiguousStorageIfAvailable({ appendEscaped(utf8: $0, to: &bytes) }) == nil {
            var string = string
            string.withUTF8 { appendEscaped(utf8: $0, to: &bytes) }
        }
    }

    /// Appends escaped UTF-8, without quotes: runs that need no escaping are copied whole.
    package static func appendEscaped<Sink: ByteSink>(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout Sink) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        // Most values need no escaping: checked whole a word at a time, they are copied in one write. Checking a
        // short value byte by byte measured as most of the time spent on it.
        if !mayNeedEscaping(base, count: count) {
            bytes.write(utf8)
            return
        }
        var runStart = 0
        var index = 0
        while true {
            // Eight bytes at a time while none needs escaping, which is every byte of most values; then byte by byte
            // to the next byte that does, or the end.
            while count &- index >= 8, !mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index &+= 8
            }
            while index < count, !needsEscaping(base[index]) { index &+= 1 }
            guard index < count else { break }
            if runStart < index { bytes.write(UnsafeBufferPointer(start: base + runStart, count: index &- runStart)) }
            appendEscape(for: base[index], to: &bytes)
            index &+= 1
            runStart = index
        }
        if runStart < count { bytes.write(UnsafeBufferPointer(start: base + runStart, count: count &- runStart)) }
    }

    /// Whether any of `count` bytes may need escaping, exact when it says no: eight bytes at a time, then the rest
    /// as two overlapping halves of one word (four to seven bytes) or byte by byte (up to three).
    ///
    /// No load spans two of the eight-byte words after `base`: a short string's bytes are lent from two 8-byte
    /// stores just made to the stack, and a load across them cannot be forwarded from the stores, which measured
    /// as a stall worth a third of the check when the last word overlapped the one before it.
    @inline(__always)
    static func mayNeedEscaping(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset &+ 8 <= count {
            if mayNeedEscaping(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset &+= 8
        }
        if count &- offset >= 4 {
            let head = UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let tail = UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            return mayNeedEscaping(head | tail << 32)
        }
        while offset < count {
            if needsEscaping(base[offset]) { return true }
            offset &+= 1
        }
        return false
    }

    /// Whether any of eight bytes may need escaping: a control character, `"` or `\\`. Exact when it says no, which
    /// is all the fast path needs (the classic "has a byte less than" and "has a zero byte" word tests).
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return (control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)) != 0
    }

    private static func appendEscape<Sink: ByteSink>(for byte: UInt8, to bytes: inout Sink) {
        bytes.write(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.write(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.write(UInt8(ascii: "\\"))
        case 0x0A: bytes.write(UInt8(ascii: "n"))
        case 0x0D: bytes.write(UInt8(ascii: "r"))
        case 0x09: bytes.write(UInt8(ascii: "t"))
        case 0x08: bytes.write(UInt8(ascii: "b"))
        case 0x0C: bytes.write(UInt8(ascii: "f"))
        default:
            bytes.write("u00")
            bytes.write(hexDigit(byte >> 4))
            bytes.write(hexDigit(byte & 0x0F))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Appends a quoted, escaped string.
    package static func appendString<Sink: ByteSink>(_ string: String, to bytes: inout Sink) {
        bytes.write(UInt8(ascii: "\""))
        appendEscaped(string, to: &bytes)
        bytes.write(UInt8(ascii: "\""))
    }

    /// Appends a JSON value. Recursion is as deep as the value, which callers bound (decoded values are
    /// depth-limited; occurrence details are built by server code).
    package static func append<Sink: ByteSink>(_ value: JSONValue, to bytes: inout Sink) {
        switch value {
        case .null: bytes.write("null")
        case .bool(let flag): bytes.write(flag ? "true" : "false")
        case .number(let text): bytes.write(utf8: text)
        case .string(let text): appendString(text, to: &bytes)
        case .array(let elements):
            bytes.write(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.write(UInt8(ascii: ",")) }
                append(element, to: &bytes)
            }
            bytes.write(UInt8(ascii: "]"))
        case .object(let members):
            bytes.write(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.write(UInt8(ascii: ",")) }
                appendString(member.key, to: &bytes)
                bytes.write(UInt8(ascii: ":"))
                append(member.value, to: &bytes)
            }
            bytes.write(UInt8(ascii: "}"))
        }
    }

    package mutating func write(_ value: JSONValue) {
        Self.append(value, to: &bytes)
    }
}
