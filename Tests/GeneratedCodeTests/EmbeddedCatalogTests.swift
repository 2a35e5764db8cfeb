import Errata
import Testing

/// The catalogs the generated types embed, against the catalogs they were generated from.
@Suite struct EmbeddedCatalogTests {
    struct Generated: Sendable, CustomTestStringConvertible {
        var typeName: String
        var catalog: ErrorCatalog

        var testDescription: String { typeName }
    }

    static let generated = [
        Generated(typeName: "PluralKitErrors", catalog: PluralKitErrors.catalog),
        Generated(typeName: "RESTErrors", catalog: RESTErrors.catalog),
        Generated(typeName: "BatchDataErrors", catalog: BatchDataErrors.catalog),
        Generated(typeName: "BlazeAuthWebSocketErrors", catalog: BlazeAuthWebSocketErrors.catalog),
        Generated(typeName: "HostileErrors", catalog: HostileErrors.catalog),
    ]

    @Test(arguments: generated)
    func embeddedCatalogIsTheCatalogItWasGeneratedFrom(_ generated: Generated) throws {
        #expect(CatalogDump.text(generated.catalog) == (try CatalogDump.recorded(generated.typeName)))
    }

    @Test(arguments: generated)
    func everyEntryHasItsConstant(_ generated: Generated) throws {
        #expect(generated.catalog.entries.count > 0)
        let renderer = try ErrorRenderer(catalog: generated.catalog)
        #expect(renderer.catalog.entries.map(\.name) == generated.catalog.entries.map(\.name))
    }

    @Test func hostileStringsComeBackExactlyFromSwiftLiterals() throws {
        let catalog = HostileErrors.catalog
        #expect(catalog.title == "Hostile \"API\" v1\n\u{202E}")
        #expect(catalog.version == "1.0.0\nimport Foundation")
        #expect(catalog.docs?.source == #"https://example.com/{name}?q="x"\(y)"#)
        let entry = try #require(catalog.entry(named: "Default"))
        #expect(entry.code == .string(#"quote"back\slash\(interp)"#))
        #expect(entry.title == "Line\nbreak \u{202E}RTL \u{200B}zero-width")
        #expect(entry.message?.source == #"He said "{who}" \(not interpolated) {{literal}} é 👩‍👩‍👧 e\#u{301}"#)
        #expect(entry.description == "Ends */ here\n/// injected\r\nimport Foundation\u{2028}#if false\u{85}}")
        #expect(catalog.closeCodes.first?.reason == "bye\0\"\\(x)")
        #expect(catalog.groups.first?.codes == -10...(-1))
        #expect(catalog.operations.first?.route == #"GET /a/"b"\(c)"#)
    }

    @Test func keywordNamesBecomeBacktickedIdentifiers() {
        #expect(HostileErrors.default(who: "x").entry.name == "Default")
        #expect(HostileErrors.protocol.entry.name == "Protocol")
        #expect(HostileErrors.catalog_.entry.name == "Catalog")
        #expect(HostileErrors.self_.entry.name == "Self")
        #expect(HostileErrors._404NotFound.entry.name == "404-not-found")
        #expect(HostileErrors.httpError2.entry.name == "HttpError")
    }
}
