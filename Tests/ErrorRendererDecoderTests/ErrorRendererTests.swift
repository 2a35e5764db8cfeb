import Errata
import ErrataCatalogs
import ErrataTools
import HTTPTypes
import Testing

/// What `ErrorRenderer` puts on the wire: exact body bytes, status, headers, and the rules that hold for every
/// response (no internal error text, no CR/LF/NUL in headers, no client-origin entry sent).
@Suite struct ErrorRendererTests {
    // MARK: Fixtures

    static func load(_ yaml: String, path: String = "test.errata.yaml") throws -> ErrorCatalog {
        let loaded = CatalogLoader().load(text: yaml, path: path)
        let catalog = loaded.catalog
        return try #require(catalog, "\(loaded.diagnostics.filter { $0.severity == .error })")
    }

    static func bundled(_ id: String) throws -> ErrorCatalog {
        let path = try #require(BundledCatalogs.path(forID: id))
        let loaded = CatalogLoader().load(path: path)
        return try #require(loaded.catalog, "\(loaded.diagnostics)")
    }

    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// An RFC 9457 catalog with a docs template and extension members.
    static let problemYAML = #"""
        errata: 1
        id: shop
        version: "1.0.0"
        title: Shop API
        docs: "https://example.com/errors/{code}#{name}"
        envelope:
          format: problem
          extensions:
            code: "{code}"
            request_id: "{requestID?}"
            retry_in: "{retryAfterSeconds?}"
        codes:
          - name: MemberRefNotFound
            code: 20003
            status: 404
            title: Member not found
            message: "Member '{memberRef}' not found."
          - name: ValidationFailed
            code: 40001
            status: 422
            title: Validation failed
            message: "The request is not valid."
            fields: true
          - name: Database
            code: 12
            status: 500
            title: Database error
            message: "A critical database error occurred."
          - name: Unknown
            code: 0
            status: 500
            title: Unknown error
            message: "Unknown server side error occurred"
        """#

    /// An RFC 9457 catalog without `docs`, so every `type` is `about:blank`.
    static let blankProblemYAML = #"""
        errata: 1
        id: blank
        version: "1.0.0"
        title: Blank API
        envelope: { format: problem }
        codes:
          - name: MemberNotFound
            code: 20002
            status: 404
            title: Member not found
            message: "Member not found."
          - name: Teapot
            code: 1
            status: 418
            title: No coffee here
        """#

    /// A JSON envelope exercising every kind of member.
    static let jsonYAML = #"""
        errata: 1
        id: json-shop
        version: "1.0.0"
        title: JSON Shop API
        envelope:
          format: json
          body:
            request: "{requestID?}"
            code: "{code}"
            message: "{message}"
            summary: "{status} {reason}: {title}"
            where: "at {instance}!"
            instance: "{instance?}"
            details: "{details?}"
            count: "{params.count}"
            limit: "{params.limit?}"
            strict: "{params.strict}"
            missing: "{instance}"
            version: 2
            ratio: -1.5e3
            internal: false
            extra: null
            tags: [shop, "{name}", "{instance}"]
            literal: "{{braces}}"
        codes:
          - name: TooMany
            code: 42
            status: 400
            title: Too "many"
            message: "You sent {count} items; the limit is {limit}."
            params:
              count: { type: integer }
              limit: { type: number }
              strict: { type: boolean }
        """#

    /// A JSON envelope made only of optional members, then a constant: a comma must appear only between
    /// members actually written.
    static let optionalYAML = #"""
        errata: 1
        id: optional
        version: "1.0.0"
        title: Optional API
        envelope:
          format: json
          body:
            a: "{instance?}"
            b: "{details?}"
            c: "{requestID?}"
            d: 1
            e: "{retryAfterSeconds?}"
            f: "{retryAfterMilliseconds?}"
        codes:
          - name: Gone
            code: 1
            status: 410
            title: Gone
            message: "Gone."
        """#

    // MARK: Problem envelope

    @Test func problemWithDocsTemplateRendersExactBytes() throws {
        let catalog = try Self.load(Self.problemYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "abc"]))
        #expect(rendered.status.code == 404)
        #expect(rendered.headerFields[.contentType] == "application/problem+json")
        #expect(
            Self.text(rendered.body)
                == #"{"type":"https://example.com/errors/20003#MemberRefNotFound","title":"Member not found","status":404,"detail":"Member 'abc' not found.","code":20003}"#
        )
        #expect(!rendered.isInternalError)
        #expect(rendered.droppedHeaderFields.isEmpty)
    }

    @Test func problemWithoutDocsIsAboutBlankTitledWithTheReasonPhrase() throws {
        let catalog = try Self.load(Self.blankProblemYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let notFound = renderer.render(try APIError("MemberNotFound", in: catalog))
        #expect(
            Self.text(notFound.body)
                == #"{"type":"about:blank","title":"Not Found","status":404,"detail":"Member not found."}"#
        )
        // No message: no `detail`.
        let teapot = renderer.render(try APIError("Teapot", in: catalog))
        #expect(Self.text(teapot.body) == #"{"type":"about:blank","title":"I'm a teapot","status":418}"#)
        #expect(teapot.headerFields[.contentType] == "application/problem+json")
    }

    @Test func problemInstanceFollowsDetail() throws {
        let catalog = try Self.load(Self.problemYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "abc"], instance: "/members/abc")
        )
        #expect(
            Self.text(rendered.body)
                == #"{"type":"https://example.com/errors/20003#MemberRefNotFound","title":"Member not found","status":404,"detail":"Member 'abc' not found.","instance":"/members/abc","code":20003}"#
        )
    }

    @Test func problemExtensionMembersKeepTheOrderWritten() throws {
        let catalog = try Self.load(Self.problemYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError(
                "MemberRefNotFound",
                in: catalog,
                parameters: ["memberRef": "abc"],
                retryAfter: .milliseconds(1500),
                requestID: "req-1"
            )
        )
        #expect(
            Self.text(rendered.body)
                == #"{"type":"https://example.com/errors/20003#MemberRefNotFound","title":"Member not found","status":404,"detail":"Member 'abc' not found.","code":20003,"request_id":"req-1","retry_in":2}"#
        )
    }

    @Test func problemFieldErrorsUseTheListLayout() throws {
        let catalog = try Self.load(Self.problemYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError(
                "ValidationFailed",
                in: catalog,
                fieldErrors: [
                    FieldError(field: "age", message: "must be a positive integer"),
                    FieldError(field: "a/b~c", message: "is \"odd\""),
                ]
            )
        )
        #expect(rendered.status.code == 422)
        #expect(
            Self.text(rendered.body)
                == ##"{"type":"https://example.com/errors/40001#ValidationFailed","title":"Validation failed","status":422,"detail":"The request is not valid.","code":40001,"errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"is \"odd\"","pointer":"#/a~1b~0c"}]}"##
        )
    }

    // MARK: JSON envelope

    @Test func jsonEnvelopeRendersMembersInTheOrderWritten() throws {
        let catalog = try Self.load(Self.jsonYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError("TooMany", in: catalog, parameters: ["count": "42", "limit": "1.5e1", "strict": "true"])
        )
        #expect(rendered.headerFields[.contentType] == "application/json")
        #expect(
            Self.text(rendered.body)
                == #"{"code":42,"message":"You sent 42 items; the limit is 1.5e1.","summary":"400 Bad Request: Too \"many\"","where":"at !","count":42,"limit":1.5e1,"strict":true,"missing":null,"version":2,"ratio":-1.5e3,"internal":false,"extra":null,"tags":["shop","TooMany",null],"literal":"{braces}"}"#
        )
    }

    @Test func jsonEnvelopeFillsEveryHole() throws {
        let catalog = try Self.load(Self.jsonYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError(
                "TooMany",
                in: catalog,
                parameters: ["count": "4x", "limit": "lots", "strict": "yes"],
                instance: "/orders/\"7\"",
                details: .object([.init("why", "because"), .init("n", 1)]),
                requestID: 9
            )
        )
        #expect(
            Self.text(rendered.body)
                == #"{"request":9,"code":42,"message":"You sent 4x items; the limit is lots.","summary":"400 Bad Request: Too \"many\"","where":"at /orders/\"7\"!","instance":"/orders/\"7\"","details":{"why":"because","n":1},"count":"4x","limit":"lots","strict":"yes","missing":"/orders/\"7\"","version":2,"ratio":-1.5e3,"internal":false,"extra":null,"tags":["shop","TooMany","/orders/\"7\""],"literal":"{braces}"}"#
        )
    }

    /// `params.NAME` is written as a JSON literal only when the text is one of the declared type.
    @Test(arguments: [
        ("42", "42"), ("-7", "-7"), ("0", "0"), ("4x", #""4x""#), ("", #""""#), ("+5", #""+5""#),
        ("007", #""007""#), ("1.5", #""1.5""#), (" 42", #"" 42""#),
        ("99999999999999999999", #""99999999999999999999""#),
    ])
    func integerParametersAreTypedByTheirDeclaration(_ value: String, _ expected: String) throws {
        let catalog = try Self.load(Self.jsonYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError("TooMany", in: catalog, parameters: ["count": value, "limit": "1", "strict": "false"])
        )
        let body = Self.text(rendered.body)
        #expect(body.contains(#","count":\#(expected),"limit":1,"strict":false,"#), "\(body)")
        // Whatever the value, the body stays JSON.
        #expect(throws: Never.self) { try JSONParser().parse(rendered.body) }
    }

    @Test(arguments: [
        ("1", "1"), ("-0.5e-3", "-0.5e-3"), ("1e999999", "1e999999"), (".5", #"".5""#), ("1.", #""1.""#),
        ("NaN", #""NaN""#), ("0x10", #""0x10""#), ("01", #""01""#), ("1 ", #""1 ""#),
    ])
    func numberParametersAreTypedByTheirDeclaration(_ value: String, _ expected: String) throws {
        let catalog = try Self.load(Self.jsonYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError("TooMany", in: catalog, parameters: ["count": "1", "limit": value, "strict": "true"])
        )
        let body = Self.text(rendered.body)
        #expect(body.contains(#","limit":\#(expected),"strict":true,"#), "\(body)")
        #expect(throws: Never.self) { try JSONParser().parse(rendered.body) }
    }

    @Test(arguments: [("true", "true"), ("false", "false"), ("True", #""True""#), ("1", #""1""#)])
    func booleanParametersAreTypedByTheirDeclaration(_ value: String, _ expected: String) throws {
        let catalog = try Self.load(Self.jsonYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError("TooMany", in: catalog, parameters: ["count": "1", "limit": "2", "strict": value])
        )
        #expect(Self.text(rendered.body).contains(#","strict":\#(expected),"#))
    }

    struct OptionalCase: Sendable, CustomTestStringConvertible {
        var instance: String?
        var details: JSONValue?
        var requestID: JSONValue?
        var retryAfter: Duration?
        var expected: String
        var testDescription: String { expected }
    }

    @Test(arguments: [
        OptionalCase(expected: #"{"d":1}"#),
        OptionalCase(instance: "/x", expected: #"{"a":"/x","d":1}"#),
        OptionalCase(details: true, expected: #"{"b":true,"d":1}"#),
        OptionalCase(requestID: 3, expected: #"{"c":3,"d":1}"#),
        OptionalCase(instance: "/x", requestID: 3, expected: #"{"a":"/x","c":3,"d":1}"#),
        OptionalCase(
            instance: "/x",
            details: .array([]),
            requestID: "r",
            expected: #"{"a":"/x","b":[],"c":"r","d":1}"#
        ),
        OptionalCase(retryAfter: .milliseconds(1), expected: #"{"d":1,"e":1,"f":1}"#),
        OptionalCase(details: nil, requestID: .null, expected: #"{"c":null,"d":1}"#),
    ])
    func absentOptionalMembersLeaveNoStrayCommas(_ example: OptionalCase) throws {
        let catalog = try Self.load(Self.optionalYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError(
                "Gone",
                in: catalog,
                retryAfter: example.retryAfter,
                instance: example.instance,
                details: example.details,
                requestID: example.requestID
            )
        )
        #expect(Self.text(rendered.body) == example.expected)
    }

    /// `name?: {…}` objects: left out, commas and all, when nothing inside them is written, nested ones too.
    static let optionalObjectYAML = #"""
        errata: 1
        id: groups
        version: "1.0.0"
        title: Groups API
        envelope:
          format: json
          body:
            a?: { x: "{instance?}", y: "{params.p?}" }
            b: "{code}"
            c?: { z: "{requestID?}", inner?: { w: "{details?}" } }
        codes:
          - { name: Gone, code: 1, status: 410, title: Gone, message: "Gone." }
        """#

    @Test(arguments: [
        OptionalCase(expected: #"{"b":1}"#),
        OptionalCase(instance: "/i", expected: #"{"a":{"x":"/i"},"b":1}"#),
        OptionalCase(details: .array([]), expected: #"{"b":1,"c":{"inner":{"w":[]}}}"#),
        OptionalCase(details: 1, requestID: "r", expected: #"{"b":1,"c":{"z":"r","inner":{"w":1}}}"#),
        OptionalCase(instance: "/i", requestID: "r", expected: #"{"a":{"x":"/i"},"b":1,"c":{"z":"r"}}"#),
    ])
    func optionalObjectsAreLeftOutWhenEmpty(_ example: OptionalCase) throws {
        let catalog = try Self.load(Self.optionalObjectYAML)
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "Gone",
                in: catalog,
                instance: example.instance,
                details: example.details,
                requestID: example.requestID
            )
        )
        #expect(Self.text(rendered.body) == example.expected)
        // Decoded back, with or without the objects.
        let decoded = ErrorDecoder(catalog: catalog).decode(status: .gone, body: rendered.body)
        #expect(decoded.instance == example.instance)
        #expect(decoded.details == example.details)
    }

    /// `name?: [{tag…}, …]` arrays: each tagged object written only when one of its holes is, commas in every
    /// position, and the array left out when none is; decoded back by tag, in any order.
    static let taggedArrayYAML = #"""
        errata: 1
        id: tagged
        version: "1.0.0"
        title: Tagged API
        envelope:
          format: json
          body:
            b: "{code}"
            items?:
              - { kind: a, x: "{instance?}" }
              - { kind: b, y: "{requestID?}", n: 1 }
              - { kind: c, z: "{retryAfterDecimalSeconds}s" }
            after: "{details?}"
        codes:
          - { name: Gone, code: 1, status: 410, title: Gone, message: "Gone.", retry: after }
        """#

    @Test(arguments: [
        OptionalCase(expected: #"{"b":1}"#),
        OptionalCase(instance: "/i", expected: #"{"b":1,"items":[{"kind":"a","x":"/i"}]}"#),
        OptionalCase(requestID: "r", expected: #"{"b":1,"items":[{"kind":"b","y":"r","n":1}]}"#),
        OptionalCase(retryAfter: .milliseconds(1_500), expected: #"{"b":1,"items":[{"kind":"c","z":"1.5s"}]}"#),
        OptionalCase(
            instance: "/i",
            retryAfter: .seconds(2),
            expected: #"{"b":1,"items":[{"kind":"a","x":"/i"},{"kind":"c","z":"2s"}]}"#
        ),
        OptionalCase(
            details: true,
            requestID: 7,
            retryAfter: .seconds(2),
            expected: #"{"b":1,"items":[{"kind":"b","y":7,"n":1},{"kind":"c","z":"2s"}],"after":true}"#
        ),
        OptionalCase(
            instance: "/i",
            requestID: 7,
            retryAfter: .milliseconds(5),
            expected: #"{"b":1,"items":[{"kind":"a","x":"/i"},{"kind":"b","y":7,"n":1},{"kind":"c","z":"0.005s"}]}"#
        ),
    ])
    func taggedArrayElementsAreWrittenWhenTheyHaveAValue(_ example: OptionalCase) throws {
        let catalog = try Self.load(Self.taggedArrayYAML)
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError(
                "Gone",
                in: catalog,
                retryAfter: example.retryAfter,
                instance: example.instance,
                details: example.details,
                requestID: example.requestID
            )
        )
        #expect(Self.text(rendered.body) == example.expected)
        let decoder = ErrorDecoder(catalog: catalog)
        let decoded = decoder.decode(status: .gone, body: rendered.body)
        #expect(decoded.name == "Gone")
        #expect(decoded.instance == example.instance)
        #expect(decoded.requestID == example.requestID)
        #expect(decoded.details == example.details)
        #expect(decoded.retryAfter == example.retryAfter)
        // The same items reversed, with an item of an undeclared tag and one whose tag half matches: each declared
        // item is still read by its tag, and the others are ignored.
        guard case .object(var members) = try JSONParser().parse(rendered.body),
            let index = members.firstIndex(where: { $0.key == "items" }), case .array(let items) = members[index].value
        else { return }
        let strangers: [JSONValue] = [
            .object([.init("kind", "z"), .init("x", "/stranger")]),
            .object([.init("kind", "b"), .init("n", 2), .init("y", "half")]),
        ]
        members[index].value = .array(strangers + items.reversed())
        var writer = JSONWriter()
        writer.write(.object(members))
        let reordered = decoder.decode(status: .gone, body: writer.bytes)
        #expect(reordered.instance == example.instance)
        #expect(reordered.requestID == example.requestID)
        #expect(reordered.retryAfter == example.retryAfter)
    }

    static let treeYAML = #"""
        errata: 1
        id: forms
        version: "1.0.0"
        title: Forms API
        envelope:
          format: json
          body: { code: "{code}", errors: "{errors?}" }
          fieldErrors:
            layout: tree
            leaf: problems
            item: { code: "{attributes.code?}", message: "{message}" }
        codes:
          - { name: Invalid, code: 1, status: 400, title: Invalid, message: "Invalid.", fields: true }
        """#

    struct TreeCase: Sendable, CustomTestStringConvertible {
        var fields: [String]
        var expected: String
        var testDescription: String { expected }
    }

    /// Field errors as a tree: one level per part of the dotted name, the root for the empty name, siblings and
    /// a field's own errors beside its children, in order of first appearance; decoded back to the same names.
    @Test(arguments: [
        TreeCase(fields: ["a"], expected: #"{"code":1,"errors":{"a":{"problems":[{"message":"m0"}]}}}"#),
        TreeCase(fields: [""], expected: #"{"code":1,"errors":{"problems":[{"message":"m0"}]}}"#),
        TreeCase(
            fields: ["a.0.b", "a.0.c", "a.1"],
            expected:
                #"{"code":1,"errors":{"a":{"0":{"b":{"problems":[{"message":"m0"}]},"c":{"problems":[{"message":"m1"}]}},"1":{"problems":[{"message":"m2"}]}}}}"#
        ),
        TreeCase(
            fields: ["a.b", "a", "", "a.b"],
            expected:
                #"{"code":1,"errors":{"problems":[{"message":"m2"}],"a":{"problems":[{"message":"m1"}],"b":{"problems":[{"message":"m0"},{"message":"m3"}]}}}}"#
        ),
        TreeCase(fields: ["a..b"], expected: #"{"code":1,"errors":{"a":{"":{"b":{"problems":[{"message":"m0"}]}}}}}"#),
    ])
    func fieldErrorsRenderAsATree(_ example: TreeCase) throws {
        let catalog = try Self.load(Self.treeYAML)
        let fieldErrors = example.fields.enumerated().map { FieldError(field: $1, message: "m\($0)") }
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("Invalid", in: catalog, fieldErrors: fieldErrors)
        )
        #expect(Self.text(rendered.body) == example.expected)
        let decoded = ErrorDecoder(catalog: catalog).decode(status: .badRequest, body: rendered.body)
        #expect(decoded.name == "Invalid")
        // Grouped by place in the tree: the same errors, in the tree's order.
        #expect(
            Set(decoded.fieldErrors.map { "\($0.field)=\($0.message)" })
                == Set(fieldErrors.map { "\($0.field)=\($0.message)" })
        )
        #expect(decoded.fieldErrors.count == fieldErrors.count)
    }

    /// A name of more parts than the tree's depth keeps its rest as one key, and decodes back to the same name.
    @Test func aVeryDeepFieldNameStaysBoundedAndRoundTrips() throws {
        let catalog = try Self.load(Self.treeYAML)
        let field = (0..<10_000).map(String.init).joined(separator: ".")
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("Invalid", in: catalog, fieldErrors: [FieldError(field: field, message: "deep")])
        )
        let decoded = ErrorDecoder(catalog: catalog).decode(status: .badRequest, body: rendered.body)
        #expect(decoded.fieldErrors.map(\.field) == [field])
        #expect(decoded.fieldErrors.first?.message == "deep")
    }

    static let constantsYAML = #"""
        errata: 1
        id: limits
        version: "1.0.0"
        title: Limits API
        envelope:
          format: json
          body: { code: "{code}", message: "{message}", limit: "{params.limit}", kind: "{params.kind?}" }
        codes:
          - name: TooMany
            code: 1
            status: 400
            message: "At most {limit} items."
            params:
              limit: { type: integer, const: 100 }
            headers: { X-Limit: "{limit}" }
          - name: TooFew
            code: 2
            status: 400
            message: "At least {limit} {kind}."
            params:
              limit: { type: integer }
              kind: { const: items }
        """#

    /// A parameter's `const` is the entry's: written into the message, headers and body as if every occurrence
    /// gave it (an integer unquoted), so an entry with only constants renders its fixed bytes; and the decoder
    /// does not take a body whose member contradicts it for that entry.
    @Test func constantParametersAreTheEntrysOwn() throws {
        let catalog = try Self.load(Self.constantsYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let tooMany = renderer.render(try APIError("TooMany", in: catalog))
        #expect(Self.text(tooMany.body) == #"{"code":1,"message":"At most 100 items.","limit":100}"#)
        #expect(tooMany.headerFields[HTTPField.Name("X-Limit")!] == "100")
        // Generated code's path: by position, with no value for the constant.
        let byPosition = renderer.render(APIError(unchecked: 0, in: catalog))
        #expect(byPosition.body == tooMany.body)
        #expect(APIError(unchecked: 0, in: catalog).parameters == ["limit": "100"])
        let tooFew = renderer.render(try APIError("TooFew", in: catalog, parameters: ["limit": "3"]))
        #expect(Self.text(tooFew.body) == #"{"code":2,"message":"At least 3 items.","limit":3,"kind":"items"}"#)

        let decoder = ErrorDecoder(catalog: catalog)
        let decoded = decoder.decode(status: .badRequest, body: tooMany.body)
        #expect(decoded.name == "TooMany")
        #expect(decoded.parameters == ["limit": "100"])
        let fewDecoded = decoder.decode(status: .badRequest, body: tooFew.body)
        #expect(fewDecoded.name == "TooFew")
        #expect(fewDecoded.parameters == ["limit": "3", "kind": "items"])
        let contradicting = decoder.decode(
            status: .badRequest,
            body: Array(#"{"code":1,"message":"At most 5 items.","limit":5}"#.utf8)
        )
        #expect(!contradicting.isRecognized)
        #expect(contradicting.parameters["limit"] == "5")
    }

    @Test func consecutiveAbsentOptionalMembersAtTheEndLeaveNoStrayCommas() throws {
        let catalog = try Self.load(
            #"""
            errata: 1
            id: trailing
            version: "1.0.0"
            title: Trailing API
            envelope:
              format: json
              body: { code: "{code}", a: "{instance?}", b: "{details?}", c: "{requestID?}" }
            codes:
              - { name: Gone, code: 1, status: 410, title: Gone }
            """#
        )
        let renderer = try ErrorRenderer(catalog: catalog)
        #expect(Self.text(renderer.render(try APIError("Gone", in: catalog)).body) == #"{"code":1}"#)
        #expect(
            Self.text(renderer.render(try APIError("Gone", in: catalog, requestID: 2)).body) == #"{"code":1,"c":2}"#
        )
        #expect(
            Self.text(renderer.render(try APIError("Gone", in: catalog, instance: "/i", requestID: 2)).body)
                == #"{"code":1,"a":"/i","c":2}"#
        )
    }

    @Test func nestedObjectsWithOnlyAbsentOptionalMembersAreEmpty() throws {
        let catalog = try Self.load(
            #"""
            errata: 1
            id: nested
            version: "1.0.0"
            title: Nested API
            envelope:
              format: json
              body: { error: { a: "{instance?}", b: "{details?}" }, list: [{ c: "{requestID?}" }, 1] }
            codes:
              - { name: Gone, code: 1, status: 410, title: Gone }
            """#
        )
        let renderer = try ErrorRenderer(catalog: catalog)
        #expect(Self.text(renderer.render(try APIError("Gone", in: catalog)).body) == #"{"error":{},"list":[{},1]}"#)
        #expect(
            Self.text(renderer.render(try APIError("Gone", in: catalog, details: 1, requestID: 2)).body)
                == #"{"error":{"b":1},"list":[{"c":2},1]}"#
        )
    }

    // MARK: Escaping

    @Test func parameterValuesAreEscapedForJSON() throws {
        let catalog = try Self.bundled("pluralkit")
        let renderer = try ErrorRenderer(catalog: catalog)
        let value = "q\"b\\s/\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}\u{7F} 🧑‍🧑‍🧒 é {x}"
        let rendered = renderer.render(try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": value]))
        let expected =
            #"{"code":20003,"message":"Member 'q\"b\\s/\u0000\u0001\b\t\n\u000b\f\r\u001f"# + "\u{7F} 🧑‍🧑‍🧒 é {x}"
            + #"' not found."}"#
        #expect(Self.text(rendered.body) == expected)
        // Emoji and accented letters are raw UTF-8, not \u escapes.
        #expect(rendered.body.starts(with: Array(#"{"code":20003,"#.utf8)))
        #expect(Self.text(rendered.body).utf8.contains(0xF0))
        // The body is valid JSON that gives the value back.
        let parsed = try JSONParser().parse(rendered.body)
        #expect(parsed["message"]?.stringValue == "Member '\(value)' not found.")
    }

    /// A message with parameters is written in line wherever the envelope puts it: as a member, inside text, and in
    /// an optional object, each time with its parameters escaped.
    @Test func aMessageWithParametersIsWrittenWhereverTheEnvelopePutsIt() throws {
        let catalog = try Self.load(
            #"""
            errata: 1
            id: inline
            version: "1.0.0"
            title: Inline
            envelope:
              format: json
              body:
                code: "{code}"
                message: "{message}"
                text: "Error: {message} ({code})"
                details?: { again: "{message?}", id: "{requestID?}" }
            codes:
              - { name: Missing, code: 1, status: 404, message: "Member '{memberRef}' not found." }
              - { name: Gone, code: 2, status: 410, message: "Gone away." }
              - { name: Bare, code: 3, status: 400 }
            """#
        )
        let renderer = try ErrorRenderer(catalog: catalog)
        let missing = renderer.render(try APIError("Missing", in: catalog, parameters: ["memberRef": "a\"b"]))
        #expect(
            Self.text(missing.body)
                == #"{"code":1,"message":"Member 'a\"b' not found.","text":"Error: Member 'a\"b' not found. (1)","details":{"again":"Member 'a\"b' not found."}}"#
        )
        #expect(
            Self.text(renderer.render(try APIError("Gone", in: catalog)).body)
                == #"{"code":2,"message":"Gone away.","text":"Error: Gone away. (2)","details":{"again":"Gone away."}}"#
        )
        #expect(
            Self.text(renderer.render(try APIError("Bare", in: catalog)).body)
                == #"{"code":3,"message":null,"text":"Error:  (3)"}"#
        )
    }

    /// A body is first written into scratch space of a kilobyte; one that does not fit is counted and written again
    /// at its size, byte for byte the same as it would have been.
    @Test(arguments: [0, 1, 781, 782, 783, 1_000, 5_000, 70_000])
    func bodiesOfAnySizeAreWrittenWhole(_ length: Int) throws {
        let catalog = try Self.bundled("pluralkit")
        let renderer = try ErrorRenderer(catalog: catalog)
        // Every fourth byte a quote, which escaping doubles: the body outgrows its value. 781, 782 and 783 give bodies
        // of 1,023, 1,024 and 1,025 bytes, around the scratch space's size.
        let value = String((0..<length).map { $0 % 4 == 3 ? "\"" : "x" })
        let escaped = String(value.flatMap { $0 == "\"" ? ["\\", "\""] : [$0] })
        let rendered = renderer.render(try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": value]))
        let expected = #"{"code":20003,"message":"Member '"# + escaped + #"' not found."}"#
        #expect(Self.text(rendered.body) == expected)
        #expect(rendered.bodyByteCount == expected.utf8.count)
        #expect(rendered.withUnsafeBodyBytes { Array($0) } == Array(expected.utf8))
        let error = try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": value])
        #expect(renderer.body(for: error) == Array(expected.utf8))
    }

    @Test func slashIsNotEscaped() throws {
        let catalog = try Self.load(Self.problemYAML)
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "a/b"], instance: "/m/a/b")
        )
        let body = Self.text(rendered.body)
        #expect(body.contains(#""detail":"Member 'a/b' not found.","instance":"/m/a/b""#))
        #expect(!body.contains(#"\/"#))
    }

    // MARK: Headers

    @Test func entryHeadersAreRenderedFromTheirTemplates() throws {
        let catalog = try Self.bundled("batchdata")
        let renderer = try ErrorRenderer(catalog: catalog)
        let methodNotAllowed = renderer.render(
            try APIError("MethodNotAllowed", in: catalog, parameters: ["allowedMethods": "GET, POST"])
        )
        #expect(methodNotAllowed.status.code == 405)
        #expect(methodNotAllowed.headerFields[.allow] == "GET, POST")
        let invalidToken = renderer.render(try APIError("InvalidToken", in: catalog))
        #expect(invalidToken.headerFields[.wwwAuthenticate] == "Bearer")
        #expect(invalidToken.headerFields[.contentType] == "application/json")
    }

    @Test(arguments: ["GET\r\nSet-Cookie: a=b", "GET\nX: y", "GET\rX: y", "GET\u{0}"])
    func headerValuesWithLineBreaksOrNULFromParametersAreDropped(_ value: String) throws {
        let catalog = try Self.bundled("batchdata")
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(
            try APIError("MethodNotAllowed", in: catalog, parameters: ["allowedMethods": value])
        )
        #expect(rendered.headerFields[.allow] == nil)
        #expect(rendered.droppedHeaderFields == [.allow])
        #expect(rendered.headerFields[.setCookie] == nil)
        Self.expectSafeHeaders(rendered)
        // The body still renders.
        #expect(rendered.status.code == 405)
        #expect(!rendered.body.isEmpty)
    }

    @Test(arguments: ["a\r\nSet-Cookie: a=b", "a\nb", "a\rb", "a\u{0}b"])
    func occurrenceHeaderFieldsNeverCarryLineBreaksOrNUL(_ value: String) throws {
        let catalog = try Self.bundled("batchdata")
        let renderer = try ErrorRenderer(catalog: catalog)
        let trace = try #require(HTTPField.Name("X-Trace"))
        var headers = HTTPFields()
        headers.append(HTTPField(name: trace, value: value))
        headers[.init("X-Request-ID")!] = "abc"
        let rendered = renderer.render(try APIError("NotFound", in: catalog, headerFields: headers))
        Self.expectSafeHeaders(rendered)
        #expect(rendered.headerFields[.setCookie] == nil)
        #expect(rendered.headerFields[.init("X-Request-ID")!] == "abc")
        // Either dropped and reported, or cleaned before it reached us (swift-http-types legalizes values).
        if let kept = rendered.headerFields[trace] {
            #expect(!rendered.droppedHeaderFields.contains(trace))
            #expect(kept.hasPrefix("a"))
        } else {
            #expect(rendered.droppedHeaderFields == [trace])
        }
    }

    /// Content-Length and Transfer-Encoding frame the body, which only the adapter writing it knows: declared by an
    /// entry (constant or templated) or given by an occurrence, they are dropped and reported.
    @Test func framingHeadersFromTheCatalogOrTheOccurrenceAreDropped() throws {
        let text = """
            errata: 1
            id: framing
            title: Framing
            version: 1.0.0
            envelope: { format: problem }
            codes:
              - { name: Fixed, status: 404, title: Not found, message: "Gone.", headers: { Content-Length: "3" } }
              - name: Templated
                status: 409
                title: Conflict
                message: "Conflict on {id}."
                headers: { Transfer-Encoding: chunked, X-Conflict: "{id}" }
            """
        let catalog = try #require(CatalogLoader().load(text: text, path: "framing.errata.yaml").catalog)
        let renderer = try ErrorRenderer(catalog: catalog)
        let fixed = renderer.render(try APIError("Fixed", in: catalog))
        #expect(fixed.headerFields[.contentLength] == nil)
        #expect(fixed.droppedHeaderFields == [.contentLength])
        let templated = renderer.render(try APIError("Templated", in: catalog, parameters: ["id": "7"]))
        #expect(templated.headerFields[.transferEncoding] == nil)
        #expect(templated.headerFields[HTTPField.Name("X-Conflict")!] == "7")
        #expect(templated.droppedHeaderFields == [.transferEncoding])
        var headers = HTTPFields()
        headers[.contentLength] = "1"
        headers[.cacheControl] = "no-store"
        let given = renderer.render(try APIError("Fixed", in: catalog, headerFields: headers))
        #expect(given.headerFields[values: .contentLength].isEmpty)
        #expect(given.headerFields[.cacheControl] == "no-store")
        #expect(given.droppedHeaderFields == [.contentLength, .contentLength])
    }

    static func expectSafeHeaders(
        _ rendered: RenderedError,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for field in rendered.headerFields {
            var bytes: [UInt8] = []
            field.withUnsafeBytesOfValue { bytes = Array($0) }
            #expect(
                !bytes.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 },
                "\(field.name): \(bytes)",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test(arguments: [
        (Duration.milliseconds(1200), "2"), (.zero, "0"), (.seconds(3), "3"), (.nanoseconds(1), "1"),
        (.milliseconds(999), "1"), (.milliseconds(1000), "1"), (.seconds(-5), "0"), (.seconds(86_400), "86400"),
    ])
    func retryAfterIsDeltaSecondsRoundedUp(_ delay: Duration, _ expected: String) throws {
        let catalog = try Self.bundled("batchdata")
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(try APIError("TooManyRequests", in: catalog, retryAfter: delay))
        #expect(rendered.headerFields[.retryAfter] == expected)
        #expect(rendered.headerFields[values: .retryAfter].count == 1)
    }

    static let decimalSecondsYAML = #"""
        errata: 1
        id: decimal
        version: "1.0.0"
        title: Decimal API
        envelope:
          format: json
          body: { message: "{message}", retry_after: "{retryAfterDecimalSeconds}", ms: "{retryAfterMilliseconds}" }
        codes:
          - { name: Slow, code: 1, status: 429, title: Slow down, message: "Slow down.", retry: after }
        """#

    @Test(arguments: [
        (Duration.milliseconds(64570), "64.57", Int64(64570)), (.zero, "0", 0), (.milliseconds(5), "0.005", 5),
        (.milliseconds(1500), "1.5", 1500), (.seconds(3), "3", 3000), (.nanoseconds(1), "0.001", 1),
        (.nanoseconds(999_999_999), "1", 1000), (.milliseconds(120), "0.12", 120), (.seconds(-1), "0", 0),
        // Too long to count in milliseconds: the count saturates (it trapped on overflow before).
        (.seconds(Int64.max), "9223372036854775807", Int64.max),
    ])
    func retryAfterDecimalSecondsIsRoundedUpToTheMillisecond(
        _ delay: Duration,
        _ seconds: String,
        _ milliseconds: Int64
    ) throws {
        let catalog = try Self.load(Self.decimalSecondsYAML)
        let rendered = try ErrorRenderer(catalog: catalog).render(try APIError("Slow", in: catalog, retryAfter: delay))
        let body = #"{"message":"Slow down.","retry_after":\#(seconds),"ms":\#(milliseconds)}"#
        #expect(Self.text(rendered.body) == body)
        guard milliseconds < 1_000_000_000 else { return }
        // Decoded back to the millisecond.
        let decoded = ErrorDecoder(catalog: catalog).decode(status: .tooManyRequests, body: rendered.body)
        #expect(decoded.name == "Slow")
        #expect(decoded.retryAfter == .milliseconds(milliseconds))
    }

    @Test func noRetryAfterHeaderWithoutADelay() throws {
        let catalog = try Self.bundled("batchdata")
        let rendered = try ErrorRenderer(catalog: catalog).render(try APIError("TooManyRequests", in: catalog))
        #expect(rendered.headerFields[.retryAfter] == nil)
    }

    @Test(arguments: [204, 304])
    func statusesWithoutContentHaveNoBodyAndNoContentType(_ status: Int) throws {
        let catalog = try Self.load(
            #"""
            errata: 1
            id: empty
            version: "1.0.0"
            title: Empty API
            envelope: { format: json, body: { code: "{code}", message: "{message}" } }
            codes:
              - { name: Empty, code: 1, status: \#(status), title: Empty, message: "Nothing here.", kind: success, headers: { X-Reason: "none" } }
            """#
        )
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(try APIError("Empty", in: catalog, retryAfter: .seconds(1)))
        #expect(rendered.status.code == status)
        #expect(rendered.body.isEmpty)
        #expect(rendered.headerFields[.contentType] == nil)
        #expect(rendered.headerFields[.init("X-Reason")!] == "none")
    }

    // MARK: Internal errors

    struct DatabaseFailure: Error, CustomStringConvertible {
        var description: String { "SECRET-pg-password-hunter2 at db.internal:5432" }
    }

    static let secret = "SECRET-pg-password-hunter2"

    static func expectNoSecret(_ rendered: RenderedError, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!text(rendered.body).contains(secret), sourceLocation: sourceLocation)
        #expect(!text(rendered.body).contains("db.internal"), sourceLocation: sourceLocation)
        for field in rendered.headerFields {
            #expect(!field.value.contains(secret), sourceLocation: sourceLocation)
        }
    }

    @Test func anyOtherErrorBecomesTheFirst500Entry() throws {
        let catalog = try Self.load(Self.problemYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(DatabaseFailure())
        #expect(rendered.isInternalError)
        #expect(rendered.entry.name == "Database")
        #expect(rendered.status.code == 500)
        #expect(
            Self.text(rendered.body)
                == #"{"type":"https://example.com/errors/12#Database","title":"Database error","status":500,"detail":"A critical database error occurred.","code":12}"#
        )
        Self.expectNoSecret(rendered)
    }

    @Test func theInternalErrorEntryIsConfigurable() throws {
        let catalog = try Self.load(Self.problemYAML)
        let renderer = try ErrorRenderer(catalog: catalog, internalErrorEntry: "Unknown")
        let rendered = renderer.render(DatabaseFailure())
        #expect(rendered.entry.name == "Unknown")
        #expect(rendered.isInternalError)
        Self.expectNoSecret(rendered)
    }

    @Test func anUnknownInternalErrorEntryIsAConfigurationError() throws {
        let catalog = try Self.load(Self.problemYAML)
        let error = #expect(throws: ErrorRenderer.ConfigurationError.self) {
            try ErrorRenderer(catalog: catalog, internalErrorEntry: "Nope")
        }
        #expect(error?.description.contains("'Nope'") == true)
    }

    @Test func aClientOriginInternalErrorEntryIsAConfigurationError() throws {
        let catalog = try Self.bundled("blazeauth")
        let error = #expect(throws: ErrorRenderer.ConfigurationError.self) {
            try ErrorRenderer(catalog: catalog, internalErrorEntry: "FileChecksumMismatch")
        }
        #expect(error?.description.contains("client-origin") == true)
    }

    @Test func aCatalogWithout500FallsBackToAnAboutBlankProblem() throws {
        let catalog = try Self.load(Self.optionalYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(DatabaseFailure())
        #expect(rendered.isInternalError)
        #expect(rendered.status.code == 500)
        #expect(Self.text(rendered.body) == #"{"type":"about:blank","title":"Internal Server Error","status":500}"#)
        #expect(rendered.headerFields[.contentType] == "application/problem+json")
        Self.expectNoSecret(rendered)
    }

    @Test func theUnderlyingErrorOfACatalogErrorIsNeverRendered() throws {
        let catalog = try Self.load(Self.problemYAML)
        let renderer = try ErrorRenderer(catalog: catalog)
        let error = try APIError("Database", in: catalog, underlyingError: DatabaseFailure())
        let rendered = renderer.render(error)
        #expect(rendered.entry.name == "Database")
        #expect(!rendered.isInternalError)
        Self.expectNoSecret(rendered)
        // Thrown as `any Error`, it is still the catalog error.
        let thrown: any Error = error
        #expect(renderer.render(thrown).entry.name == "Database")
        Self.expectNoSecret(renderer.render(thrown))
    }

    @Test func aClientOriginEntryIsNeverRenderedAsItself() throws {
        let catalog = try Self.bundled("blazeauth")
        let checksum = try APIError("FileChecksumMismatch", in: catalog)
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(checksum)
        #expect(rendered.isInternalError)
        #expect(rendered.entry.name != "FileChecksumMismatch")
        #expect(!Self.text(rendered.body).contains("302"))
        #expect(!Self.text(renderer.body(for: checksum)).contains("302"))

        let configured = try ErrorRenderer(catalog: catalog, internalErrorEntry: "InternalServerError")
        #expect(configured.render(checksum).entry.name == "InternalServerError")
        #expect(Self.text(configured.body(for: checksum)) == #"{"id":null,"status":6}"#)
        #expect(Self.text(configured.statusPacket(checksum, requestID: 5)) == #"{"id":5,"status":6}"#)
    }

    @Test func anEntryFromAnotherCatalogBecomesTheInternalError() throws {
        let catalog = try Self.load(Self.problemYAML)
        let other = try Self.bundled("batchdata")
        let renderer = try ErrorRenderer(catalog: catalog)
        let rendered = renderer.render(try APIError("InvalidToken", in: other))
        #expect(rendered.isInternalError)
        #expect(rendered.entry.name == "Database")
    }

    // MARK: WebSocket

    @Test func statusPacketEchoesTheRequestID() throws {
        let catalog = try Self.bundled("blazeauth")
        let renderer = try ErrorRenderer(catalog: catalog)
        #expect(
            Self.text(renderer.statusPacket(try APIError("Ok", in: catalog), requestID: 5)) == #"{"id":5,"status":1}"#
        )
        #expect(
            Self.text(renderer.statusPacket(try APIError("LicenseNotFound", in: catalog), requestID: "a\"b"))
                == #"{"id":"a\"b","status":100}"#
        )
        #expect(Self.text(renderer.body(for: try APIError("Ok", in: catalog))) == #"{"id":null,"status":1}"#)
    }

    @Test func closeFrameCutsALongReasonOnACharacterBoundary() throws {
        let long = "slow down " + String(repeating: "é", count: 60) + String(repeating: "🧑‍🧑‍🧒", count: 10)
        let catalog = try Self.load(
            #"""
            errata: 1
            id: ws
            version: "1.0.0"
            title: WS API
            envelope: { format: json, body: { id: "{requestID}", status: "{code}" } }
            codes:
              - { name: Ok, code: 1, kind: success }
            closeCodes:
              - { code: 4201, name: RateLimitHit, reason: rate limit hit, retry: after }
              - { code: 4202, name: Overloaded, reason: "\#(long)" }
            """#
        )
        let renderer = try ErrorRenderer(catalog: catalog)
        let short = try #require(renderer.closeFrame(named: "RateLimitHit"))
        #expect(short.code.rawValue == 4201)
        #expect(short.reason.text == "rate limit hit")
        #expect(!short.reason.wasTruncated)

        let cut = try #require(renderer.closeFrame(named: "Overloaded"))
        #expect(cut.code.rawValue == 4202)
        #expect(cut.reason.wasTruncated)
        #expect(cut.reason.text.utf8.count <= 123)
        #expect(long.hasPrefix(cut.reason.text))
        // The cut fell between whole characters: 10 + 2·56 = 122 bytes, the next é would make 124.
        #expect(cut.reason.text == "slow down " + String(repeating: "é", count: 56))
        #expect(renderer.closeFrame(named: "Nope") == nil)
    }

    // MARK: Static entries

    @Test func staticEntriesRenderIdenticalBytesFromThePrecomputedBody() throws {
        let catalog = try Self.bundled("rest-error-codes")
        let renderer = try ErrorRenderer(catalog: catalog)
        let error = try APIError("Unknown", in: catalog)
        let first = renderer.render(error)
        let second = renderer.render(error)
        #expect(first.body == second.body)
        #expect(
            Self.text(first.body)
                == #"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#
        )
        // The same storage both times: the precomputed body, handed out without building a new one.
        let firstAddress = first.body.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let secondAddress = second.body.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(firstAddress == secondAddress)
        #expect(renderer.body(for: error).withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == firstAddress)

        // Filling a hole builds a body of its own, and leaves the precomputed one alone.
        let detailed = renderer.render(try APIError("Unknown", in: catalog, details: .object([.init("id", 1)])))
        #expect(
            Self.text(detailed.body)
                == #"{"error_code":0,"error_message":"Unknown server side error occurred","details":{"id":1}}"#
        )
        #expect(renderer.render(error).body == first.body)
    }

    @Test(arguments: BundledCatalogs.ids)
    func everyEntryRendersTheSameBytesTwice(_ id: String) throws {
        let catalog = try Self.bundled(id)
        let renderer = try ErrorRenderer(catalog: catalog)
        for entry in catalog.entries {
            var parameters: [String: String] = [:]
            for name in entry.parameterNames where entry.constants[name] == nil { parameters[name] = "v" }
            let error = try APIError(entry, parameters: parameters)
            let first = renderer.render(error)
            let second = renderer.render(error)
            #expect(first.body == second.body, "\(entry.name)")
            #expect(first.withUnsafeBodyBytes { Array($0) } == first.body, "\(entry.name)")
            #expect(first.bodyByteCount == first.body.count, "\(entry.name)")
            #expect(first.headerFields == second.headerFields, "\(entry.name)")
            if !first.body.isEmpty {
                #expect(throws: Never.self, "\(entry.name)") { try JSONParser().parse(first.body) }
            }
        }
    }
}
