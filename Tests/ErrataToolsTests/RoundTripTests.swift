import Errata
import ErrataCatalogs
import ErrataTools
import HTTPTypes
import Testing

/// Render → decode gives back the same entry and values, for every entry of every bundled catalog.
@Suite struct RoundTripTests {
    static let catalogs: [ErrorCatalog] = BundledCatalogs.paths.compactMap { CatalogLoader().load(path: $0).catalog }

    /// Values a user might type, and the ones that break naive escaping.
    static let awkwardValues = [
        "abcde", "", " ", "quote\"d", "back\\slash", "new\nline", "tab\tand\r\n", "{braces}", "{{", "}}",
        "emoji 🧑‍🧑‍🧒 and ñ", "' not found.", "\u{0}\u{1F}", "slash/slash", "\u{FFFD}", "日本語",
        String(repeating: "x", count: 2000),
    ]

    /// The shared ``SplitMix64``.
    typealias Generator = SplitMix64

    static func randomValue(_ generator: inout Generator) -> String {
        let alphabet: [Character] = Array("aZ09 '\"\\{}/\n\t\r:,.[]-_é€𝄞🙂\u{7F}\u{2028}")
        let count = Int.random(in: 0...24, using: &generator)
        return String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test func bundledCatalogsAllLoad() {
        #expect(Self.catalogs.count == BundledCatalogs.paths.count)
    }

    @Test(arguments: BundledCatalogs.ids)
    func everyEntryRoundTripsWithArbitraryParameters(_ id: String) throws {
        let catalog = try #require(Self.catalogs.first { $0.id == id })
        let renderer = try ErrorRenderer(catalog: catalog)
        let decoder = ErrorDecoder(catalog: catalog)
        var generator = Generator(state: UInt64(id.utf8.count) * 7919)
        for entry in catalog.entries where entry.origin == .server {
            for round in 0..<(Self.awkwardValues.count + 40) {
                var parameters: [String: String] = [:]
                // A constant is the entry's: an occurrence leaves it out, and it comes back decoded.
                let constants = entry.constants
                for name in entry.parameterNames where constants[name] == nil {
                    parameters[name] =
                        round < Self.awkwardValues.count ? Self.awkwardValues[round] : Self.randomValue(&generator)
                }
                let error = try APIError(entry, parameters: parameters, requestID: 7)
                let rendered = renderer.render(error)
                let decoded = decoder.decode(
                    status: entry.status == nil ? nil : rendered.status,
                    headerFields: rendered.headerFields,
                    body: rendered.body
                )
                #expect(
                    decoded.name == entry.name,
                    "\(entry.name) with \(parameters): \(String(decoding: rendered.body, as: UTF8.self))"
                )
                #expect(decoded.problem == nil)
                if decoded.name == entry.name, entry.message.map({ !$0.isConstant }) == true {
                    // A parameter only a header carries comes back when a header field can carry its value as it
                    // is: the renderer drops a header with CR, LF or NUL, HTTP field values lose other controls and
                    // edge whitespace (RFC 9110 §5.5). Every other parameter comes back exactly.
                    let inMessage = Set(entry.message?.parameterNames ?? [])
                    let onlyInHeaders = Set(entry.headers.flatMap(\.value.parameterNames)).subtracting(inMessage)
                    let expected = parameters.merging(constants) { given, _ in given }
                    #expect(Set(decoded.parameters.keys).isSubset(of: Set(expected.keys)), "\(entry.name)")
                    for (name, value) in expected {
                        if !onlyInHeaders.contains(name) {
                            #expect(decoded.parameters[name] == value, "\(entry.name).\(name)")
                        } else if Self.isFieldValueAsIs(value) {
                            #expect(decoded.parameters[name] == value, "\(entry.name).\(name) in a header")
                        }
                    }
                }
            }
        }
    }

    /// No controls and no edge whitespace: an HTTP field value carries it unchanged.
    static func isFieldValueAsIs(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
            && value.first != " " && value.last != " "
    }

    @Test func retryAfterRoundTripsThroughHeaderAndBody() throws {
        let catalog = try #require(Self.catalogs.first { $0.id == "pluralkit" })
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("TooManyRequests", in: catalog, retryAfter: .milliseconds(2500))
        )
        let decoded = ErrorDecoder(catalog: catalog).decode(status: rendered.status, body: rendered.body)
        #expect(decoded.name == "TooManyRequests")
        #expect(decoded.retryAfter == .milliseconds(2500))
        let withHeader = ErrorDecoder(catalog: catalog).decode(
            status: rendered.status,
            headerFields: rendered.headerFields,
            body: rendered.body
        )
        #expect(withHeader.retryAfter == .seconds(3))
    }

    @Test func fieldErrorsRoundTrip() throws {
        let catalog = try #require(Self.catalogs.first { $0.id == "pluralkit" })
        let fieldErrors = [
            FieldError(
                field: "name",
                message: "Too long.",
                attributes: [.init("max_length", 100), .init("actual_length", 140)]
            ),
            FieldError(field: "name", message: "Bad \"chars\"."),
            FieldError(
                field: "description",
                message: "Too long.",
                attributes: [.init("max_length", 1000), .init("actual_length", 1001)]
            ),
        ]
        let rendered = try ErrorRenderer(catalog: catalog).render(
            try APIError("InvalidJSONModel", in: catalog, fieldErrors: fieldErrors)
        )
        let decoded = ErrorDecoder(catalog: catalog).decode(status: rendered.status, body: rendered.body)
        #expect(decoded.name == "InvalidJSONModel")
        #expect(decoded.fieldErrors.map(\.field) == ["name", "name", "description"])
        #expect(decoded.fieldErrors.map(\.message) == fieldErrors.map(\.message))
        #expect(decoded.fieldErrors[0].attribute("max_length") == 100)
        #expect(decoded.fieldErrors[2].attribute("actual_length") == 1001)
    }
}
