import Errata
import Testing

/// Compact, byte-exact JSON: RFC 8259 §7 escaping and nothing more, members in order, numbers as written; and
/// whatever it writes, the parser reads back as the same value.
@Suite struct JSONWriterTests {
    static func write(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        (JSONValue.null, "null"),
        (.bool(true), "true"),
        (.bool(false), "false"),
        (.number("-1.5e3"), "-1.5e3"),
        (.number("1.0"), "1.0"),
        (.integer(-42), "-42"),
        (.string(""), #""""#),
        (.array([]), "[]"),
        (.object([]), "{}"),
        (.array([.null, 1, "a", .array([.bool(false)])]), #"[null,1,"a",[false]]"#),
        (
            .object([.init("z", 1), .init("a", 2), .init("m", .object([.init("k", "v")]))]),
            #"{"z":1,"a":2,"m":{"k":"v"}}"#
        ),
        (.object([.init("a", 1), .init("a", 2)]), #"{"a":1,"a":2}"#),
        (.object([.init("k\"ey", "v")]), #"{"k\"ey":"v"}"#),
    ])
    func writesCompactJSONInOrder(_ value: JSONValue, _ expected: String) {
        #expect(Self.write(value) == expected)
        #expect(value.description == expected)
    }

    @Test(arguments: [
        ("\"", #"\""#), ("\\", #"\\"#), ("/", "/"), ("\u{8}", #"\b"#), ("\u{C}", #"\f"#), ("\n", #"\n"#),
        ("\r", #"\r"#), ("\t", #"\t"#), ("\u{0}", #"\u0000"#), ("\u{1}", #"\u0001"#), ("\u{B}", #"\u000b"#),
        ("\u{E}", #"\u000e"#), ("\u{1A}", #"\u001a"#), ("\u{1F}", #"\u001f"#), ("\u{7F}", "\u{7F}"), (" ", " "),
        ("é", "é"), ("€", "€"), ("😀", "😀"), ("🧑‍🧑‍🧒", "🧑‍🧑‍🧒"), ("\u{2028}", "\u{2028}"), ("\u{FFFD}", "\u{FFFD}"),
        ("</script>", "</script>"), ("a\"b\\c/d", #"a\"b\\c/d"#),
    ])
    func escapesOnlyWhatRFC8259Requires(_ text: String, _ escaped: String) {
        #expect(Self.write(.string(text)) == "\"" + escaped + "\"")
    }

    @Test func escapesEveryControlCharacter() throws {
        for byte in UInt8(0)..<0x20 {
            let text = String(UnicodeScalar(byte))
            let written = Self.write(.string(text))
            #expect(written.utf8.allSatisfy { $0 >= 0x20 }, "\(byte)")
            #expect(try JSONParser().parse(Array(written.utf8)) == .string(text))
        }
    }

    @Test func appendEscapedWritesNoQuotes() {
        var bytes: [UInt8] = []
        JSONWriter.appendEscaped("a\"b", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"a\"b"#)
        JSONWriter.appendString("", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"a\"b"""#)
    }

    /// The escaper checks a whole value first (eight bytes at a time, then four to seven as two overlapping halves
    /// of a word, or up to three byte by byte), then eight bytes at a time and byte by byte: every length, with a byte that
    /// needs escaping at every offset (and none, and two), escapes exactly as one byte at a time does.
    @Test func escapingAgreesWithAByteByByteReferenceAtEveryOffset() {
        let specials: [UInt8] = [0x00, 0x0A, 0x1F, UInt8(ascii: "\""), UInt8(ascii: "\\")]
        // Bytes next to the special ones, and UTF-8 continuation bytes, which must pass as they are.
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0xC3, 0xA9]
        for length in 0...40 {
            let base = (0..<length).map { plain[$0 % plain.count] }
            var inputs = [base]
            for offset in 0..<length {
                for special in specials {
                    var input = base
                    input[offset] = special
                    inputs.append(input)
                    if offset + 9 < length {
                        input[offset + 9] = special
                        inputs.append(input)
                    }
                }
            }
            for input in inputs {
                var written: [UInt8] = []
                input.withUnsafeBufferPointer { JSONWriter.appendEscaped(utf8: $0, to: &written) }
                #expect(written == Self.referenceEscaped(input), "\(input)")
            }
        }
    }

    /// RFC 8259 §7 escaping, one byte at a time.
    static func referenceEscaped(_ bytes: [UInt8]) -> [UInt8] {
        var escaped: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): escaped += Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): escaped += Array(#"\\"#.utf8)
            case 0x08: escaped += Array(#"\b"#.utf8)
            case 0x09: escaped += Array(#"\t"#.utf8)
            case 0x0A: escaped += Array(#"\n"#.utf8)
            case 0x0C: escaped += Array(#"\f"#.utf8)
            case 0x0D: escaped += Array(#"\r"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                escaped += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: escaped.append(byte)
            }
        }
        return escaped
    }

    /// A writer into a buffer never writes past it: a write that does not fit writes nothing and says so.
    @Test func theUnsafeWriterStopsAtItsCapacity() {
        var storage = [UInt8](repeating: 0xEE, count: 8)
        storage.withUnsafeMutableBufferPointer { buffer in
            var writer = UnsafeByteWriter(UnsafeMutableBufferPointer(rebasing: buffer[0..<6]))
            "abcd".utf8.withContiguousStorageIfAvailable { writer.write($0) }
            #expect(!writer.isOverflowed)
            "efg".utf8.withContiguousStorageIfAvailable { writer.write($0) }
            #expect(writer.isOverflowed)
            #expect(writer.count == 4)
            writer.write(UInt8(ascii: "e"))
            writer.write(UInt8(ascii: "f"))
            writer.write(UInt8(ascii: "g"))
            #expect(writer.count == 6)
        }
        #expect(storage == Array("abcdef".utf8) + [0xEE, 0xEE])
    }

    // MARK: Round trip

    static let roundTripValues: [JSONValue] = [
        .null, .bool(true), 0, -1, .number("1e999999"), .number("-0.0"), .number("123456789012345678901234567890"),
        "", "plain", "\u{0}\u{1}\u{1F}\"\\/\n\r\t\u{8}\u{C}", "é€😀🧑‍🧑‍🧒\u{2028}\u{FFFD}", "{{not a template}}",
        .array([]), .object([]), .array([.array([.array([])])]),
        .object([
            .init("", ""), .init("z", .array([1, "two", .null, .bool(false)])), .init("a", .object([.init("a", "a")])),
            .init("dup", 1), .init("dup", 2), .init("ключ", "значение"),
        ]),
    ]

    @Test(arguments: roundTripValues)
    func writerOutputParsesBackToTheSameValue(_ value: JSONValue) throws {
        var writer = JSONWriter()
        writer.write(value)
        #expect(try JSONParser().parse(writer.bytes) == value)
    }

    /// The shared ``SplitMix64``.
    typealias Generator = SplitMix64

    static func randomString(_ generator: inout Generator) -> String {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{8}", "\u{1F}", "\u{7F}", "é", "\u{2028}", "😀", "\u{FFFD}",
            "\u{FEFF}", "{", "}",
        ]
        let count = Int.random(in: 0...12, using: &generator)
        var text = String.UnicodeScalarView()
        for _ in 0..<count { text.append(alphabet.randomElement(using: &generator)!) }
        return String(text)
    }

    static func randomValue(_ generator: inout Generator, depth: Int) -> JSONValue {
        let numbers = ["0", "-0", "1", "-12.5", "3e10", "1E-7", "0.5e+2", "123456789012345678901"]
        switch Int.random(in: 0..<(depth > 5 ? 4 : 6), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .number(numbers.randomElement(using: &generator)!)
        case 3: return .string(randomString(&generator))
        case 4:
            let count = Int.random(in: 0...4, using: &generator)
            return .array((0..<count).map { _ in randomValue(&generator, depth: depth + 1) })
        default:
            let count = Int.random(in: 0...4, using: &generator)
            return .object(
                (0..<count).map { _ in .init(randomString(&generator), randomValue(&generator, depth: depth + 1)) }
            )
        }
    }

    @Test func randomValuesRoundTripByteForByte() throws {
        var generator = Generator(state: 2024)
        for _ in 0..<2_000 {
            let value = Self.randomValue(&generator, depth: 0)
            var writer = JSONWriter()
            writer.write(value)
            let parsed = try JSONParser().parse(writer.bytes)
            #expect(parsed == value)
            // Writing what was read gives the same bytes again.
            var again = JSONWriter()
            again.write(parsed)
            #expect(again.bytes == writer.bytes)
        }
    }

    @Test(arguments: [
        #"{"a":[1,-0.5e3,true,null,"x"],"b":{}}"#,
        #"[1.0,1e3,1E+3,-0,"é😀","\"\\\n\u0000"]"#,
        #"{"z":1,"a":2,"z":3}"#,
    ])
    func canonicalJSONParsesAndWritesBackUnchanged(_ text: String) throws {
        var writer = JSONWriter()
        writer.write(try JSONParser().parse(Array(text.utf8)))
        #expect(String(decoding: writer.bytes, as: UTF8.self) == text)
    }

    @Test(arguments: [
        (#" { "a" : [ 1 , 2 ] } "#, #"{"a":[1,2]}"#),
        (#""\/\u0041\u00e9\ud83d\ude00\u001F""#, #""/Aé😀\u001f""#),
        (#""\u000a\u0009""#, #""\n\t""#),
    ])
    func parsingThenWritingNormalises(_ text: String, _ expected: String) throws {
        var writer = JSONWriter()
        writer.write(try JSONParser().parse(Array(text.utf8)))
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }

    @Test func textIsTheStringItselfOrCompactJSON() {
        #expect(JSONValue.string("a\"b").text == "a\"b")
        #expect(JSONValue.number("1.50").text == "1.50")
        #expect(JSONValue.object([.init("a", "b\"")]).text == #"{"a":"b\""}"#)
        #expect(JSONValue.null.text == "null")
    }
}
