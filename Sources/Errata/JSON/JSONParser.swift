/// Parses JSON bytes into a ``JSONValue``, strictly (RFC 8259) and within limits.
///
/// Hand-written because the decoder needs what Foundation's parsers do not give: member order and number text
/// kept, a nesting limit checked before recursing, and precise errors with a byte offset. The recursion is as
/// deep as ``maximumDepth``.
package struct JSONParser {
    package struct Failure: Error, Hashable, Sendable {
        /// What kind of input failed, for callers that answer each differently (the decoder's problems).
        package enum Kind: Hashable, Sendable {
            /// Not JSON.
            case malformed
            /// Nested deeper than ``JSONParser/maximumDepth``.
            case tooDeep
            /// Not well-formed UTF-8; the offset is the first byte that is not.
            case invalidUTF8
        }

        package var reason: String
        package var offset: Int
        package var kind: Kind = .malformed
    }

    package var maximumDepth: Int

    package init(maximumDepth: Int = 64) {
        self.maximumDepth = maximumDepth
    }

    package func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        // The whole input at once, before any JSON: one fast pass, after which every string is decoded as it is.
        if let offset = UTF8Validation.firstInvalidOffset(bytes) {
            throw Failure(reason: "invalid UTF-8", offset: offset, kind: .invalidUTF8)
        }
        var state = State(bytes: bytes, maximumDepth: maximumDepth)
        state.skipWhitespace()
        let value = try state.parseValue(depth: 0)
        state.skipWhitespace()
        guard state.position == bytes.count else {
            throw Failure(reason: "unexpected data after the JSON value", offset: state.position)
        }
        return value
    }

    private struct State {
        let bytes: [UInt8]
        let maximumDepth: Int
        var position = 0

        init(bytes: [UInt8], maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        func fail(_ reason: String) -> Failure {
            Failure(reason: reason, offset: position)
        }

        func tooDeep() -> Failure {
            Failure(reason: "nesting deeper than \(maximumDepth) levels", offset: position, kind: .tooDeep)
        }

        mutating func expect(_ literal: String, _ value: JSONValue) throws(Failure) -> JSONValue {
            for byte in literal.utf8 {
                guard position < bytes.count, bytes[position] == byte else { throw fail("invalid literal") }
                position += 1
            }
            return value
        }

        mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
            guard position < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                guard depth < maximumDepth else { throw tooDeep() }
                return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["):
                guard depth < maximumDepth else { throw tooDeep() }
                return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""):
                return .string(try parseString())
            case UInt8(ascii: "t"):
                return try expect("true", .bool(true))
            case UInt8(ascii: "f"):
                return try expect("false", .bool(false))
            case UInt8(ascii: "n"):
                return try expect("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .number(try parseNumber())
            default:
                throw fail("unexpected character '\(Unicode.Scalar(bytes[position]))'")
            }
        }

        mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
            position += 1
            var members: [JSONValue.Member] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw fail("expected a member name in quotes")
                }
                let key = try parseString()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw fail("expected ':' after a member name")
                }
                position += 1
                skipWhitespace()
                let value = try parseValue(depth: depth)
                members.append(JSONValue.Member(key, value))
                skipWhitespace()
                guard position < bytes.count else { throw fail("unexpected end of input in an object") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(members)
                } else {
                    throw fail("expected ',' or '}' in an object")
                }
            }
        }

        mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
            position += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try parseValue(depth: depth))
                skipWhitespace()
                guard position < bytes.count else { throw fail("unexpected end of input in an array") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(elements)
                } else {
                    throw fail("expected ',' or ']' in an array")
                }
            }
        }

        mutating func parseNumber() throws(Failure) -> String {
            let start = position
            func digits() -> Int {
                let begin = position
                while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                    position += 1
                }
                return position - begin
            }
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            let integerStart = position
            let integerDigits = digits()
            guard integerDigits > 0 else { throw fail("a number needs digits") }
            if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
                throw Failure(reason: "numbers do not start with 0", offset: integerStart)
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw fail("a fraction needs digits") }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
                {
                    position += 1
                }
                guard digits() > 0 else { throw fail("an exponent needs digits") }
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        mutating func parseString() throws(Failure) -> String {
            position += 1
            let start = position
            // Fast path: no escapes.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let end = position
                    position += 1
                    // The input is valid UTF-8 (``parse(_:)`` checked it), so `decoding` has nothing to repair.
                    return bytes.withUnsafeBufferPointer {
                        String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
                    }
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw fail("unescaped control character in a string") }
                position += 1
            }
            var scalars: [UInt8] = Array(bytes[start..<min(position, bytes.count)])
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return String(decoding: scalars, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { throw fail("unexpected end of input in an escape") }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""): scalars.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): scalars.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): scalars.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): scalars.append(0x08)
                    case UInt8(ascii: "f"): scalars.append(0x0C)
                    case UInt8(ascii: "n"): scalars.append(0x0A)
                    case UInt8(ascii: "r"): scalars.append(0x0D)
                    case UInt8(ascii: "t"): scalars.append(0x09)
                    case UInt8(ascii: "u"):
                        var value = try parseHex4()
                        if (0xD800...0xDBFF).contains(value), position + 1 < bytes.count,
                            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                        {
                            let saved = position
                            position += 2
                            let low = try parseHex4()
                            if (0xDC00...0xDFFF).contains(low) {
                                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                position = saved
                            }
                        }
                        // A lone surrogate cannot be text: it becomes U+FFFD, as WHATWG decoders do.
                        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                        scalars.append(contentsOf: String(Character(scalar)).utf8)
                    default:
                        throw Failure(reason: "invalid escape '\\\(Unicode.Scalar(escape))'", offset: position - 2)
                    }
                default:
                    if byte < 0x20 { throw fail("unescaped control character in a string") }
                    scalars.append(byte)
                    position += 1
                }
            }
            throw fail("unterminated string")
        }

        mutating func parseHex4() throws(Failure) -> UInt32 {
            guard position + 4 <= bytes.count else { throw fail("incomplete \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw fail("invalid hex digit in a \\u escape")
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }
    }
}

extension JSONParser {
    /// Whether `text` is a JSON number (RFC 8259 §6).
    package static func isNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        // The parser skips white space around a value; a number is the digits alone.
        guard case .number(let parsed) = try? JSONParser(maximumDepth: 1).parse(Array(text.utf8)) else { return false }
        return parsed == text
    }
}
