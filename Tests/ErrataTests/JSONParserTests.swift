import Errata
import Testing

/// RFC 8259 conformance: what is JSON parses to the value it spells, what is not fails at the byte at fault.
@Suite struct JSONParserTests {
    static func parse(_ text: String, maximumDepth: Int = 64) throws(JSONParser.Failure) -> JSONValue {
        try JSONParser(maximumDepth: maximumDepth).parse(Array(text.utf8))
    }

    // MARK: Valid

    @Test(arguments: [
        // Any value may stand at the top (RFC 8259 §2).
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("42", .number("42")),
        ("-1.5e3", .number("-1.5e3")),
        ("1E+2", .number("1E+2")),
        ("1e-2", .number("1e-2")),
        ("0.000", .number("0.000")),
        ("1e999999", .number("1e999999")),
        ("123456789012345678901234567890", .number("123456789012345678901234567890")),
        (#""""#, .string("")),
        (#""a""#, .string("a")),
        // Insignificant white space: space, tab, line feed, carriage return, and only those.
        (" \t\n\r1 \t\n\r", .number("1")),
        ("[]", .array([])),
        ("[ ]", .array([])),
        ("{}", .object([])),
        ("{ }", .object([])),
        ("[1,[2,[3]]]", .array([.number("1"), .array([.number("2"), .array([.number("3")])])])),
        (#"{"b":1,"a":2}"#, .object([.init("b", .number("1")), .init("a", .number("2"))])),
        (#"{"a":1,"a":2}"#, .object([.init("a", .number("1")), .init("a", .number("2"))])),
        (#"{ "a" : [ true , null ] }"#, .object([.init("a", .array([.bool(true), .null]))])),
        (#"{"":0}"#, .object([.init("", .number("0"))])),
    ])
    func parsesValidJSON(_ text: String, _ expected: JSONValue) throws {
        #expect(try Self.parse(text) == expected)
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""\u0000\u001f\u0041\u00e9\u20AC""#, "\u{0}\u{1F}Aé€"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\ud800""#, "\u{FFFD}"),
        (#""\udc00""#, "\u{FFFD}"),
        (#""\ud800x""#, "\u{FFFD}x"),
        (#""\ud800\u0041""#, "\u{FFFD}A"),
        (#""\ud800\ud83d\ude00""#, "\u{FFFD}😀"),
        ("\"é😀\u{7F}\u{2028}\"", "é😀\u{7F}\u{2028}"),
        (#""a\/b""#, "a/b"),
    ])
    func parsesStringEscapes(_ text: String, _ expected: String) throws {
        #expect(try Self.parse(text) == .string(expected))
    }

    // MARK: Invalid

    @Test(arguments: [
        ("", 0),
        (" ", 1),
        ("nul", 3),
        ("nulx", 3),
        ("True", 0),
        ("truex", 4),
        ("1 2", 2),
        ("{} {}", 3),
        ("01", 0),
        ("-01", 1),
        ("-", 1),
        ("+1", 0),
        (".5", 0),
        ("1.", 2),
        ("1.e3", 2),
        ("1e", 2),
        ("1e+", 3),
        ("0x10", 1),
        ("NaN", 0),
        ("Infinity", 0),
        ("-Infinity", 1),
        ("[", 1),
        ("[1", 2),
        ("[1,", 3),
        ("[1,]", 3),
        ("[,1]", 1),
        ("[1 2]", 3),
        ("[1;2]", 2),
        ("]", 0),
        ("{", 1),
        ("{,}", 1),
        (#"{"a"}"#, 4),
        (#"{"a" 1}"#, 5),
        (#"{"a":}"#, 5),
        (#"{"a":1,}"#, 7),
        (#"{"a":1 "b":2}"#, 7),
        (#"{a:1}"#, 1),
        (#"{'a':1}"#, 1),
        (#"{"a":1"#, 6),
        (#""abc"#, 4),
        (#""a\"#, 3),
        (#""\x""#, 1),
        (#""\'""#, 1),
        (#""\u12""#, 3),
        (#""\u12G4""#, 5),
        (#""\ud800\u12""#, 9),
        ("\"a\u{0}b\"", 2),
        ("\"a\nb\"", 2),
        ("\"a\tb\"", 2),
        ("\"\\n\u{1F}\"", 3),
        ("'a'", 0),
        ("\u{C}1", 0),
        ("\u{A0}1", 0),
        ("\u{FEFF}1", 0),
        ("[1]]", 3),
        ("/* c */ 1", 0),
    ])
    func rejectsInvalidJSONAtTheByteAtFault(_ text: String, _ offset: Int) {
        let failure = #expect(throws: JSONParser.Failure.self) { try Self.parse(text) }
        #expect(failure?.offset == offset, "\(failure?.reason ?? "")")
        #expect(failure?.reason.isEmpty == false)
    }

    @Test func rejectsInvalidUTF8InAString() {
        let bytes = Array(#"["ok","a"#.utf8) + [0xFF] + Array(#""]"#.utf8)
        let failure = #expect(throws: JSONParser.Failure.self) { try JSONParser().parse(bytes) }
        #expect(failure?.offset == 8)
        // After an escape too, the offset is the bad byte's.
        let escaped = Array(#"["a\n"#.utf8) + [0xC3] + Array(#""]"#.utf8)
        let escapedFailure = #expect(throws: JSONParser.Failure.self) { try JSONParser().parse(escaped) }
        #expect(escapedFailure?.offset == 5)
    }

    // MARK: Depth

    @Test(arguments: [1, 2, 10, 64])
    func nestsExactlyToTheLimit(_ limit: Int) throws {
        let fits = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try Self.parse(fits, maximumDepth: limit) }
        let over = "[" + fits + "]"
        let failure = #expect(throws: JSONParser.Failure.self) { try Self.parse(over, maximumDepth: limit) }
        #expect(failure?.offset == limit)
        #expect(failure?.reason.hasPrefix("nesting deeper") == true)
        let objects = String(repeating: #"{"a":"#, count: limit + 1) + "1" + String(repeating: "}", count: limit + 1)
        let objectFailure = #expect(throws: JSONParser.Failure.self) { try Self.parse(objects, maximumDepth: limit) }
        #expect(objectFailure?.offset == limit * 5)
    }

    @Test func scalarsNeedNoDepth() throws {
        #expect(try Self.parse("1", maximumDepth: 0) == .number("1"))
        #expect(throws: JSONParser.Failure.self) { try Self.parse("[]", maximumDepth: 0) }
    }

    @Test func aDeepInputFailsWithoutRecursingThroughIt() {
        let deep = String(repeating: "[", count: 200_000)
        let failure = #expect(throws: JSONParser.Failure.self) { try Self.parse(deep) }
        #expect(failure?.offset == 64)
    }

    // MARK: Numbers

    @Test(arguments: [
        ("0", true), ("-0", true), ("12", true), ("1.5e-3", true), ("1E9", true), ("01", false), ("1.", false),
        (".1", false), ("+1", false), ("1e", false), ("", false), ("1 ", false), (" 1", false), ("1,2", false),
        ("\"1\"", false), ("true", false), ("[1]", false), ("0x1", false),
    ])
    func isNumberFollowsTheGrammar(_ text: String, _ expected: Bool) {
        #expect(JSONParser.isNumber(text) == expected)
    }
}
