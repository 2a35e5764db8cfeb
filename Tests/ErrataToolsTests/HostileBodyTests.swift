import Errata
import ErrataCatalogs
import ErrataTools
import HTTPTypes
import Testing

/// Bodies built to hurt a decoder: too big, too deep, not UTF-8, cut short, random, or made to make matching
/// slow. Each one comes back as a `DecodedError`, quickly, and never crashes.
@Suite struct HostileBodyTests {
    static let catalogs: [String: ErrorCatalog] = Dictionary(
        uniqueKeysWithValues: BundledCatalogs.ids.compactMap { id in
            BundledCatalogs.path(forID: id).flatMap { CatalogLoader().load(path: $0).catalog }.map { (id, $0) }
        }
    )

    static func decoder(_ id: String = "pluralkit", limits: ErrorDecoder.Limits = .default) throws -> ErrorDecoder {
        ErrorDecoder(catalog: try #require(catalogs[id]), limits: limits)
    }

    /// The shared ``SplitMix64``.
    typealias Generator = SplitMix64

    @Test(.timeLimit(.minutes(1)))
    func aBodyOverTheSizeLimitIsNotParsed() throws {
        // Valid JSON, so only the size can be the reason it is refused.
        let body =
            Array(#"{"code":20003,"message":""#.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
            + Array(#""}"#.utf8)
        let decoded = try Self.decoder().decode(status: .notFound, body: body)
        #expect(decoded.problem?.kind == .tooLarge)
        #expect(decoded.problem?.offset == nil)
        #expect(decoded.problem?.description.contains("\(body.count)") == true)
        #expect(decoded.body == nil)
        #expect(decoded.entry == nil)
        #expect(decoded.code == nil)
        #expect(decoded.rawBody.count == ErrorDecoder.Limits.default.maximumBodySize)
        #expect(decoded.status == .notFound)
    }

    @Test(.timeLimit(.minutes(1)))
    func aBodyAtTheSizeLimitIsParsed() throws {
        let limits = ErrorDecoder.Limits(maximumBodySize: 64)
        let body = Array(#"{"code":20001,"message":"System not found."}"#.utf8)
        let padded = body + [UInt8](repeating: UInt8(ascii: " "), count: 64 - body.count)
        #expect(try Self.decoder(limits: limits).decode(status: .notFound, body: padded).name == "SystemNotFound")
        let over = padded + [UInt8(ascii: " ")]
        #expect(try Self.decoder(limits: limits).decode(status: .notFound, body: over).problem?.kind == .tooLarge)
    }

    @Test(.timeLimit(.minutes(1)), arguments: [("[", "]"), ("{\"a\":", "}"), ("[{\"a\":", "}]")])
    func deepNestingIsTooDeep(_ opener: String, _ closer: String) throws {
        let open = String(repeating: opener, count: 10_000)
        for body in [open, open + "1" + String(repeating: closer, count: 10_000)] {
            let decoded = try Self.decoder().decode(status: .badRequest, body: Array(body.utf8))
            #expect(decoded.problem?.kind == .tooDeep)
            #expect(decoded.body == nil)
            #expect(decoded.entry == nil)
            // Refused at the first level past the limit, not after reading everything.
            #expect((decoded.problem?.offset ?? .max) < 64 * opener.utf8.count + 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func nestingUpToTheLimitIsFine() throws {
        let depth = ErrorDecoder.Limits.default.maximumDepth
        let details = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        let body = #"{"code":20001,"message":"System not found.","x":\#(details)}"#
        let decoded = try Self.decoder().decode(status: .notFound, body: Array(body.utf8))
        #expect(decoded.problem == nil)
        #expect(decoded.name == "SystemNotFound")
        let tooDeep = #"{"code":20001,"x":\#("[" + details + "]")}"#
        #expect(try Self.decoder().decode(status: .notFound, body: Array(tooDeep.utf8)).problem?.kind == .tooDeep)
    }

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let invalidUTF8Cases: [(body: [UInt8], offset: Int)] = [
        ([0xFF], 0),
        (utf8(#"{"message":"ab"#) + [0xFF] + utf8(#"cd"}"#), 14),
        (utf8(#"{"message":"é"#) + [0xC3] + utf8(#""}"#), 14),
        (utf8(#"{"m":""#) + [0xC0, 0x80] + utf8(#""}"#), 6),  // an overlong NUL
        (utf8(#"{"m":""#) + [0xED, 0xA0, 0x80] + utf8(#""}"#), 6),  // an encoded surrogate
        (utf8(#"{"m":""#) + [0xF4, 0x90, 0x80, 0x80] + utf8(#""}"#), 6),  // past U+10FFFF
        (utf8(#"{"m":"😀"#) + [0xF0, 0x9F] + utf8(#""}"#), 10),  // cut short
        (utf8("{") + [0x80] + utf8("}"), 1),  // outside a string
    ]

    @Test(.timeLimit(.minutes(1)), arguments: invalidUTF8Cases)
    func invalidUTF8IsReportedWithItsOffset(_ body: [UInt8], _ offset: Int) throws {
        let decoded = try Self.decoder().decode(status: .badRequest, body: body)
        #expect(decoded.problem?.kind == .invalidUTF8)
        #expect(decoded.problem?.offset == offset)
        #expect(decoded.body == nil)
        #expect(decoded.rawBody == body)
    }

    @Test(.timeLimit(.minutes(1)), arguments: BundledCatalogs.ids)
    func everyCutOfARealBodyDecodesWithoutCrashing(_ id: String) throws {
        let catalog = try #require(Self.catalogs[id])
        let renderer = try ErrorRenderer(catalog: catalog)
        let decoder = ErrorDecoder(catalog: catalog)
        for entry in catalog.entries where entry.origin == .server {
            var parameters: [String: String] = [:]
            for name in entry.parameterNames where entry.constants[name] == nil { parameters[name] = "é \"🧑‍🧑‍🧒\" \\" }
            let error = try APIError(
                entry,
                parameters: parameters,
                fieldErrors: entry.hasFieldErrors ? [FieldError(field: "name", message: "Too long.")] : [],
                retryAfter: entry.retry == .after ? .milliseconds(1500) : nil,
                requestID: 7
            )
            let rendered = renderer.render(error)
            let body = rendered.body
            #expect(decoder.decode(status: rendered.status, body: body).name == entry.name)
            for cut in 1..<body.count {
                let decoded = decoder.decode(status: rendered.status, body: Array(body[..<cut]))
                #expect(decoded.problem != nil, "\(entry.name) cut at \(cut)")
                #expect(decoded.problem?.kind == .malformedJSON || decoded.problem?.kind == .invalidUTF8)
                #expect(decoded.body == nil)
                #expect(decoded.rawBody == Array(body[..<cut]))
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func randomBytesAlwaysDecode() throws {
        var generator = Generator(state: 0xE11A7A)
        let decoder = try Self.decoder()
        let interesting: [UInt8] =
            Array(#"{}[]",:0123456789-+.eEtrufalsn\ "#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]
        for round in 0..<3_000 {
            let count = Int.random(in: 0...256, using: &generator)
            let body: [UInt8] = (0..<count).map { _ in
                round.isMultiple(of: 2)
                    ? UInt8.random(in: 0...255, using: &generator) : interesting.randomElement(using: &generator)!
            }
            let decoded = decoder.decode(status: .badRequest, body: body)
            #expect(decoded.rawBody == body)
            if decoded.body == nil && !body.isEmpty {
                #expect(decoded.problem != nil, "\(body)")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func randomJSONShapedBodiesAlwaysDecode() throws {
        var generator = Generator(state: 42)
        let pieces = [
            "{", "}", "[", "]", ",", ":", "\"code\"", "\"message\"", "\"errors\"", "\"retry_after\"", "0", "20003",
            "-1e999", "\"Member '\"", "\"\\ud800\"", "null", "true", "\"x\"", " ", "1.5", "\"name\"",
        ]
        let decoder = try Self.decoder()
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...40, using: &generator)
            let body = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let decoded = decoder.decode(status: .badRequest, body: Array(body.utf8))
            #expect(decoded.body != nil || decoded.problem != nil, "\(body)")
        }
    }

    /// Google's details array filled to the size limit with items of undeclared types, a RetryInfo last: each item
    /// is checked against the three declared tags once, and the last one still gives the delay.
    @Test(.timeLimit(.minutes(1)))
    func aDetailsArrayOfManyItemsDecodes() throws {
        let stranger = #"{"@type":"type.googleapis.com/google.rpc.Help","links":[]}"#
        let items =
            Array(repeating: stranger, count: 15_000) + [
                #"{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}"#
            ]
        let body = Array(
            (#"{"error":{"code":503,"message":"Later.","status":"UNAVAILABLE","details":["#
                + items.joined(separator: ",") + "]}}").utf8
        )
        #expect(body.count < 1 << 20)
        let decoded = try Self.decoder("google-apis").decode(status: .serviceUnavailable, body: body)
        #expect(decoded.problem == nil)
        #expect(decoded.name == "Unavailable")
        #expect(decoded.retryAfter == .milliseconds(1_500))
    }

    /// Discord's field error tree nested to the decoder's depth limit, and past it: read to the last level, or
    /// refused as too deep, never a crash.
    @Test(.timeLimit(.minutes(1)), arguments: [58, 61, 62, 70])
    func aFieldErrorTreeAsDeepAsTheLimitDecodes(_ levels: Int) throws {
        let leaf = #"{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"Required."}]}"#
        let tree = String(repeating: #"{"a":"#, count: levels) + leaf + String(repeating: "}", count: levels)
        let body = Array(#"{"code":50035,"errors":\#(tree),"message":"Invalid Form Body"}"#.utf8)
        let decoded = try Self.decoder("discord").decode(status: .badRequest, body: body)
        if decoded.problem == nil {
            #expect(decoded.name == "InvalidFormBody")
            #expect(decoded.fieldErrors.map(\.field) == [Array(repeating: "a", count: levels).joined(separator: ".")])
        } else {
            #expect(decoded.problem?.kind == .tooDeep)
            #expect(levels > 60)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aOneMebibyteStringMemberDecodes() throws {
        let huge = String(repeating: "x", count: 1 << 20)
        let body = Array(#"{"code":20003,"message":"\#(huge)"}"#.utf8)
        // Over the default limit with its envelope around it: refused unread.
        #expect(try Self.decoder().decode(status: .notFound, body: body).problem?.kind == .tooLarge)
        // Under a larger limit: read, recognised by its code, too long to match against the template.
        let decoded = try Self.decoder(limits: .init(maximumBodySize: 2 << 20)).decode(status: .notFound, body: body)
        #expect(decoded.problem == nil)
        #expect(decoded.message?.utf8.count == 1 << 20)
        #expect(decoded.name == "MemberRefNotFound")
        #expect(decoded.parameters.isEmpty)
    }

    /// Templates whose placeholders can split a message many ways: every split point is a candidate.
    static let greedyYAML = #"""
        errata: 1
        id: greedy
        version: "1.0.0"
        title: Greedy API
        envelope: { format: json, body: { code: "{code}", message: "{message}" } }
        codes:
          - { name: Split, code: 1, status: 400, title: Split, message: "{a}'{b}'{c} not found {d}." }
          - { name: Pair, code: 2, status: 400, title: Pair, message: "{a}''{b}''{a}" }
          - { name: Twice, code: 3, status: 400, title: Twice, message: "{a}{a}{a}{b}x" }
          - { name: Other, code: 4, status: 400, title: Other, message: "Nothing to see." }
        """#

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            String(repeating: "'", count: 64 << 10),
            String(repeating: "'", count: 64 << 10) + " not found .",
            String(repeating: "a'", count: 32 << 10),
            String(repeating: "a", count: 64 << 10) + "y",
            String(repeating: "''a", count: 21_845),
            String(repeating: "é", count: 32 << 10),
        ]
    )
    func aLongMessageMatchedAgainstTemplatesFinishesFast(_ message: String) throws {
        let loaded = CatalogLoader().load(text: Self.greedyYAML, path: "greedy.errata.yaml")
        let loadedCatalog = loaded.catalog
        let catalog = try #require(loadedCatalog, "\(loaded.diagnostics)")
        // Raise the message limit so that the 64 KiB message really is matched.
        let decoder = ErrorDecoder(
            catalog: catalog,
            limits: .init(maximumBodySize: 1 << 20, maximumMessageLength: 1 << 20)
        )
        let clock = ContinuousClock()
        for code in 1...4 {
            var body: [UInt8] = []
            JSONWriter.append(.object([.init("code", .integer(code)), .init("message", .string(message))]), to: &body)
            let started = clock.now
            let decoded = decoder.decode(status: .badRequest, body: body)
            let elapsed = clock.now - started
            #expect(decoded.problem == nil)
            #expect(decoded.message == message)
            #expect(elapsed < .seconds(10), "code \(code): \(elapsed)")
            // Recognised by its code either way; parameters only when the message fits.
            #expect(decoded.code == .integer(code))
        }
        // Without a code, every template is tried.
        var body: [UInt8] = []
        JSONWriter.append(.object([.init("message", .string(message))]), to: &body)
        let started = clock.now
        let decoded = decoder.decode(status: .badRequest, body: body)
        #expect(clock.now - started < .seconds(10))
        #expect(decoded.message == message)
    }

    @Test(.timeLimit(.minutes(1)))
    func aLongMessageIsNotMatchedPastTheDefaultLimit() throws {
        let message = "Member '" + String(repeating: "'", count: 64 << 10) + "' not found."
        var body: [UInt8] = []
        JSONWriter.append(.object([.init("code", 20003), .init("message", .string(message))]), to: &body)
        let decoded = try Self.decoder().decode(status: .notFound, body: body)
        #expect(decoded.name == "MemberRefNotFound")
        #expect(decoded.parameters.isEmpty)
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            (#""\ud800""#, "\u{FFFD}"),
            (#""\udfff""#, "\u{FFFD}"),
            (#""\ud800\u0041""#, "\u{FFFD}A"),
            (#""\ud800\ud800""#, "\u{FFFD}\u{FFFD}"),
            (#""a\ud800""#, "a\u{FFFD}"),
            (#""\udc00\ud800""#, "\u{FFFD}\u{FFFD}"),
            (#""\ud83d\ude00""#, "😀"),
            (#""\uD83D\uDE00x""#, "😀x"),
        ]
    )
    func loneSurrogateEscapesBecomeTheReplacementCharacter(_ json: String, _ expected: String) throws {
        let body = #"{"code":20003,"message":\#(json)}"#
        let decoded = try Self.decoder().decode(status: .notFound, body: Array(body.utf8))
        #expect(decoded.problem == nil)
        #expect(decoded.message == expected)
        #expect(decoded.name == "MemberRefNotFound")
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            "1e999999", "-1e999999", "1e-999999", "123456789012345678901234567890", "-0", "0.0000000000000000000001",
            "1E+400", "18446744073709551616",
        ]
    )
    func extremeNumbersNeverCrash(_ number: String) throws {
        let decoder = try Self.decoder()
        let bodies = [
            #"{"code":\#(number),"message":"x"}"#,
            #"{"code":0,"message":"Too many requests.","retry_after":\#(number)}"#,
            #"{"code":40001,"message":"m","errors":{"name":[{"message":"x","max_length":\#(number)}]}}"#,
        ]
        for body in bodies {
            let decoded = decoder.decode(status: .tooManyRequests, body: Array(body.utf8))
            #expect(decoded.problem == nil, "\(body)")
            #expect(decoded.body != nil)
            if let retryAfter = decoded.retryAfter { #expect(retryAfter >= .zero) }
        }
        // A number where the HTTP status belongs.
        let batch = try Self.decoder("batchdata").decode(
            status: nil,
            body: Array(#"{"status":{"code":\#(number),"message":"Invalid token."}}"#.utf8)
        )
        #expect(batch.problem == nil)
        #expect(batch.status == nil)
        // The number keeps its text.
        let kept = decoder.decode(status: .badRequest, body: Array(#"{"code":1,"message":"m","n":\#(number)}"#.utf8))
        #expect(kept.body?["n"] == .number(number))
    }

    @Test(.timeLimit(.minutes(1)))
    func duplicateKeysAreKeptAndTheFirstWins() throws {
        let body = #"{"code":20003,"code":20001,"message":"Member 'a' not found.","message":"System not found."}"#
        let decoded = try Self.decoder().decode(status: .notFound, body: Array(body.utf8))
        #expect(decoded.problem == nil)
        #expect(decoded.name == "MemberRefNotFound")
        #expect(decoded.parameters == ["memberRef": "a"])
        guard case .object(let members) = decoded.body else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["code", "code", "message", "message"])
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            "", " ", "null", "[]", "{}", "0", "\"text\"", "[{\"code\":20003}]", "{\"code\":{\"code\":20003}}",
            "{\"code\":[20003]}", "{\"code\":true,\"message\":1}", "{\"code\":null,\"message\":null}",
            "{\"code\":20003,\"message\":\"Member '\"}", "\u{FEFF}{}",
        ]
    )
    func oddlyShapedBodiesDecodeWithoutCrashing(_ text: String) throws {
        let decoded = try Self.decoder().decode(status: .notFound, body: Array(text.utf8))
        #expect(decoded.rawBody == Array(text.utf8))
        #expect(decoded.status == .notFound)
        #expect(decoded.parameters.isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func hostileHeadersNeverCrash() throws {
        let decoder = try Self.decoder()
        for value in [
            "Sun, 06 Nov 99999999999999 08:49:37 GMT", "Sun Nov  6 08:49:37 9223372036854775807",
            "Sunday, 06-Nov-9999999999999999999 08:49:37 GMT", "9223372036854775807",
            String(repeating: "9", count: 10_000),
            String(repeating: "Sun, ", count: 10_000),
        ] {
            var headers = HTTPFields()
            headers[.retryAfter] = value
            headers[.date] = "Sun, 06 Nov 99999999999999 08:49:37 GMT"
            headers[.contentType] = String(repeating: "application/problem+json", count: 1_000)
            let decoded = decoder.decode(status: .tooManyRequests, headerFields: headers, body: [], now: .max)
            if let retryAfter = decoded.retryAfter { #expect(retryAfter >= .zero) }
        }
    }
}
