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
    package static func appendEscaped<Sink: ByteSink>(_ string: String, to bytes: inout Sink) {
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if needsEscaping(byte) {
                    if runStart < index { bytes.write(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                    appendEscape(for: byte, to: &bytes)
                    runStart = index + 1
                }
                index += 1
            }
            if runStart < utf8.count { bytes.write(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
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
