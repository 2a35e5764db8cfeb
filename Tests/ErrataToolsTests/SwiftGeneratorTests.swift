import Errata
import ErrataCatalogs
import Foundation
import HTTPTypes
import Testing

@testable import ErrataTools

/// `SwiftGenerator` against golden files: the Swift generated for each bundled catalog (byte for byte what
/// `errata generate swift Catalogs/ID.errata.yaml` prints) and for a hostile one, which the `GeneratedCodeTests`
/// target compiles and runs. `RECORD_SNAPSHOTS=1 swift test --filter SwiftGenerator` records them again.
@Suite struct SwiftGeneratorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let generatedFolder = root.appending(path: "GeneratedCodeTests/Generated")
    static let dumpFolder = root.appending(path: "GeneratedCodeTests/Dumps")

    static func catalog(_ id: String) throws -> ErrorCatalog {
        let path = try #require(BundledCatalogs.path(forID: id))
        let loaded = CatalogLoader().load(path: path)
        return try #require(loaded.catalog, "\(loaded.diagnostics)")
    }

    /// Compares `actual` with the golden file, or records it when `RECORD_SNAPSHOTS` is set (and fails, so that a
    /// recording run is never mistaken for a passing one).
    static func assertGolden(
        _ actual: String,
        _ file: URL,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(actual.utf8).write(to: file)
            Issue.record(
                "Recorded \(file.lastPathComponent); run again without RECORD_SNAPSHOTS",
                sourceLocation: sourceLocation
            )
            return
        }
        guard let expected = try? Data(contentsOf: file) else {
            Issue.record(
                "No golden file \(file.path); record it with RECORD_SNAPSHOTS=1",
                sourceLocation: sourceLocation
            )
            return
        }
        let expectedText = String(decoding: expected, as: UTF8.self)
        if expectedText != actual {
            let expectedLines = expectedText.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 }
                ?? min(expectedLines.count, actualLines.count)
            let expectedLine = line < expectedLines.count ? String(expectedLines[line]) : "(end of file)"
            let actualLine = line < actualLines.count ? String(actualLines[line]) : "(end of file)"
            Issue.record(
                """
                \(file.lastPathComponent) differs at line \(line + 1) (RECORD_SNAPSHOTS=1 records it again):
                  golden:    \(expectedLine)
                  generated: \(actualLine)
                """,
                sourceLocation: sourceLocation
            )
        }
    }

    // MARK: Golden files

    @Test(arguments: BundledCatalogs.ids)
    func bundledCatalogGeneratesItsGoldenFile(_ id: String) throws {
        let catalog = try Self.catalog(id)
        // As `errata generate swift Catalogs/ID.errata.yaml` writes it.
        let source = SwiftGenerator.generate(catalog)
        let typeName = SwiftGenerator.typeName(for: catalog)
        try Self.assertGolden(source, Self.generatedFolder.appending(path: "\(typeName).swift"))
        try Self.assertGolden(CatalogDump.text(catalog), Self.dumpFolder.appending(path: "\(typeName).txt"))
    }

    @Test func hostileCatalogGeneratesItsGoldenFile() throws {
        let source = SwiftGenerator.generate(HostileCatalog.catalog)
        try Self.assertGolden(source, Self.generatedFolder.appending(path: "HostileErrors.swift"))
        try Self.assertGolden(
            CatalogDump.text(HostileCatalog.catalog),
            Self.dumpFolder.appending(path: "HostileErrors.txt")
        )
    }

    // That the output is the same from one process to the next (hash seeds differ per process) is checked by
    // errataTests' `GenerateCommandTests.sameOutputFromSeparateProcesses`, which runs the generator twice.

    // MARK: The generated file

    /// Errata, and HTTPTypes (which comes with it) for status literals; never the tools.
    @Test func importsErrataOnly() throws {
        for id in BundledCatalogs.ids {
            let source = SwiftGenerator.generate(try Self.catalog(id))
            let imports = source.split(separator: "\n").filter { $0.contains("import ") && !$0.hasPrefix("//") }
            #expect(
                imports
                    == (id == "blazeauth" ? ["public import Errata"] : ["public import Errata", "import HTTPTypes"])
            )
            #expect(!source.contains("Yams") && !source.contains("ErrataTools") && !source.contains("Foundation"))
        }
    }

    @Test func headerSaysItIsGeneratedAndFromWhat() throws {
        let source = SwiftGenerator.generate(try Self.catalog("pluralkit"), sourceFile: "pluralkit.errata.yaml")
        let header = source.split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(
            header == """
                // Generated by `errata generate swift` from pluralkit.errata.yaml: catalog 'pluralkit',
                // version 1.0.0. Do not edit: change the catalog and generate again.
                // swift-format-ignore-file
                """
        )
    }

    @Test func hostileTextInCommentsCannotEndTheComment() {
        let source = SwiftGenerator.generate(HostileCatalog.catalog, sourceFile: "evil\nimport Foundation.errata.yaml")
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            #expect(!trimmed.hasPrefix("import Foundation"), "a catalog string escaped its comment: \(line)")
        }
        #expect(!source.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{2028}" || $0 == "\r" || $0 == "\0" })
    }

    @Test(arguments: [
        ("CatalogTitle API", "CatalogTitleErrors"),
        ("PluralKit API v2", "PluralKitErrors"),
        ("REST API error codes", "RESTErrors"),
        ("BatchData API", "BatchDataErrors"),
        ("BlazeAuth WebSocket API", "BlazeAuthWebSocketErrors"),
        ("API v2", "FallbackIdErrors"),
        ("3-D Secure", "FallbackIdErrors"),
    ])
    func typeNameComesFromTheTitleElseTheID(_ title: String, _ expected: String) {
        let catalog = ErrorCatalog(id: "fallback-id", title: title, entries: [])
        #expect(SwiftGenerator.typeName(for: catalog) == expected)
    }

    @Test func typeNameArgumentWinsWhenItIsAnIdentifier() {
        let catalog = ErrorCatalog(id: "x", title: "X", entries: [])
        #expect(SwiftGenerator.generate(catalog, typeName: "MyErrors").contains("public enum MyErrors {"))
        #expect(SwiftGenerator.generate(catalog, typeName: "my-errors").contains("public enum MyErrors {"))
        #expect(SwiftGenerator.generate(catalog, typeName: "class").contains("public enum Class {"))
        #expect(SwiftGenerator.generate(catalog, typeName: "3d").contains("public enum XErrors {"))
        #expect(SwiftGenerator.generate(catalog, typeName: "Errata").contains("public enum XErrors {"))
    }

    @Test func constructorsAndCasesTakeTypedLabelledParameters() throws {
        let source = SwiftGenerator.generate(HostileCatalog.catalog)
        #expect(source.contains("case memberRefNotFound(memberRef: Swift.String)"))
        #expect(
            source.contains(
                "case `case`(`in`: Swift.Int, `default`: Swift.Double, self_: Swift.Bool, retryAfter: Swift.String)"
            )
        )
        #expect(source.contains(".flatMap({ Swift.Int($0) })"))
        #expect(source.contains("self = .`case`(in: `in`, default: `default`, self_: self_, retryAfter: retryAfter)"))
        // A template parameter may be named like an `APIError.with(…)` modifier: they never meet in a signature.
        #expect(!source.contains("occurrenceRetryAfter"))
        #expect(source.contains("public static func `default`(who: Swift.String) -> Errata.APIError {"))
        #expect(source.contains("case \"Default\":\n"))
    }

    @Test func aParameterOnlyInHeadersIsOptionalInCase() throws {
        let source = SwiftGenerator.generate(try Self.catalog("rest-error-codes"))
        #expect(
            source.contains(
                "public static func notAllowed(allowedMethods: Swift.String) -> Errata.APIError {"
            )
        )
        #expect(source.contains("case notAllowed(allowedMethods: Swift.String?)"))
        #expect(source.contains("self = .notAllowed(allowedMethods: error.parameters[\"allowedMethods\"])"))
    }

    @Test func pluralKitConstructorsTakeOnlyTheMessageParameters() throws {
        let source = SwiftGenerator.generate(try Self.catalog("pluralkit"))
        // What else varies is set with `APIError.with(…)`, and documented on the constant.
        #expect(
            source.contains("public static let tooManyRequests = Errata.APIError(unchecked: 4, in: Self.catalog)")
        )
        #expect(source.contains("/// - `.with(retryAfter:)`: how long the client should wait before retrying"))
        #expect(
            source.contains("public static let invalidJSONModel = Errata.APIError(unchecked: 24, in: Self.catalog)")
        )
        #expect(source.contains("/// - `.with(fieldErrors:)`: the request's fields that are wrong, and why."))
        // By position in the embedded catalog: nothing is looked up by name at run time.
        #expect(source.contains("public static let systemNotFound = Errata.APIError(unchecked: 5, in: Self.catalog)"))
        #expect(source.contains(".init(unchecked: 7, in: Self.catalog, values: [memberRef])"))
        #expect(!source.contains("instance:"))
        #expect(!source.contains("= nil"))
    }

    /// `errata diff` grades an entry gaining `retry: after` or field errors minor: its
    /// constructor keeps its name and shape, so code written against the catalog before still compiles after.
    /// (`GeneratedCodeTests` compiles the same uses against both versions.)
    @Test func aMinorChangeKeepsEveryConstructorsShape() throws {
        let before = try Self.evolvingCatalog(EvolvingCatalog.before)
        let after = try Self.evolvingCatalog(EvolvingCatalog.after)
        let changes = CatalogDiff.compare(before, after).changes
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { $0.grade < .major }, "\(changes)")
        let beforeSource = SwiftGenerator.generate(before, typeName: "EvolvingBeforeErrors")
        let afterSource = SwiftGenerator.generate(after, typeName: "EvolvingAfterErrors")
        let constructors = { (source: String) in
            source.split(separator: "\n").filter {
                $0.contains("public static let") || $0.contains("public static func")
            }
            .map { $0.replacing(/unchecked: \d+/, with: "unchecked: N") }
        }
        #expect(constructors(beforeSource) == constructors(afterSource))
        try Self.assertGolden(beforeSource, Self.generatedFolder.appending(path: "EvolvingBeforeErrors.swift"))
        try Self.assertGolden(afterSource, Self.generatedFolder.appending(path: "EvolvingAfterErrors.swift"))
    }

    static func evolvingCatalog(_ text: String) throws -> ErrorCatalog {
        let loaded = CatalogLoader().load(bytes: Array(text.utf8), path: "evolving.errata.yaml")
        return try #require(loaded.catalog, "\(loaded.diagnostics)")
    }

    /// One catalog before and after changes `errata diff` grades minor.
    enum EvolvingCatalog {
        static let before = """
            errata: 1
            id: evolving
            title: Evolving API
            version: "1.0.0"
            envelope:
              format: json
              body: { code: "{code}", message: "{message}" }
            codes:
              - name: RateLimited
                code: 1
                status: 429
                message: "Slow down."
              - name: InvalidModel
                code: 2
                status: 400
                message: "Model {model} is invalid."
            """

        static let after = """
            errata: 1
            id: evolving
            title: Evolving API
            version: "1.1.0"
            envelope:
              format: json
              body:
                code: "{code}"
                message: "{message}"
                retry_after: "{retryAfterMilliseconds?}"
                errors: "{errors?}"
              fieldErrors:
                layout: list
                item: { field: "{field}", message: "{message}" }
            codes:
              - name: RateLimited
                code: 1
                status: 429
                message: "Slow down."
                retry: after
              - name: InvalidModel
                code: 2
                status: 400
                message: "Model {model} is invalid."
                fields: true
            """
    }

    // MARK: Spelling

    @Test(arguments: [
        ("plain", #""plain""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        (#"not \(interpolated)"#, #""not \\(interpolated)""#),
        ("line\nbreak\r\ttab\0nul", #""line\nbreak\r\ttab\0nul""#),
        ("été 👩‍👩‍👧 日本", "\"été \u{1F469}\\u{200D}\u{1F469}\\u{200D}\u{1F467} 日本\""),
        ("\u{301}start", #""\u{301}start""#),
        ("e\u{301}", "\"e\u{301}\""),
        ("rtl \u{202E}evil\u{2066}", #""rtl \u{202E}evil\u{2066}""#),
        ("nbsp\u{A0}sep\u{2028}del\u{7F}bell\u{7}", #""nbsp\u{A0}sep\u{2028}del\u{7F}bell\u{7}""#),
        (##"raw "#"##, ##""raw \"#""##),
        ("\"\"\"", #""\"\"\"""#),
    ])
    func stringLiteralEscapesEverythingThatIsNotShownAsItIs(_ text: String, _ literal: String) {
        #expect(SwiftSpelling.stringLiteral(text) == literal)
    }

    @Test(arguments: [
        ("MemberRefNotFound", "memberRefNotFound"),
        ("InvalidJSONModel", "invalidJSONModel"),
        ("HTTPError", "httpError"),
        ("ClientIDTooShort", "clientIDTooShort"),
        ("IDTooLong", "idTooLong"),
        ("Ok", "ok"),
        ("ID", "id"),
        ("HTTP2Error", "http2Error"),
        ("404-not-found", "_404NotFound"),
        ("member not found", "memberNotFound"),
    ])
    func entryNamesBecomeLowerCamelCase(_ name: String, _ identifier: String) {
        #expect(SwiftSpelling.lowerCamelCase(name) == identifier)
    }

    @Test func keywordsAreEscapedWithBackticks() {
        #expect(SwiftSpelling.escaped("default") == "`default`")
        #expect(SwiftSpelling.escaped("case") == "`case`")
        #expect(SwiftSpelling.escaped("memberRef") == "memberRef")
    }

    @Test func commentLinesSplitAtEveryLineBreak() {
        #expect(SwiftSpelling.commentLines("a\r\nb\rc\nd\u{2028}e\u{85}f") == ["a", "b", "c", "d", "e", "f"])
        #expect(SwiftSpelling.commentLines("trailing   \nx\u{202E}") == ["trailing", #"x\u{202E}"#])
    }

    @Test func entryIdentifiersStayClearOfTheTypesOwnMembersAndOfEachOther() {
        let plan = SwiftGenerator.Plan(catalog: HostileCatalog.catalog, typeName: "HostileErrors")
        let identifiers = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.entry.name, $0.identifier) })
        #expect(identifiers["Catalog"] == "catalog_")
        #expect(identifiers["Unrecognized"] == "unrecognized_")
        #expect(identifiers["Template"] == "template_")
        #expect(identifiers["Self"] == "self_")
        #expect(identifiers["HTTPError"] == "httpError")
        #expect(identifiers["HttpError"] == "httpError2")
        #expect(Set(plan.entries.map(\.identifier)).count == plan.entries.count)
        #expect(plan.decodedErrorName == "decodedError")
    }
}

extension SwiftGeneratorTests {
    /// A catalog built to break generated code: every string holds what a Swift literal or comment must escape,
    /// names are keywords, collide with the generated type's members or with each other, and parameters are typed.
    /// The loader would refuse some of it; the generator must not.
    enum HostileCatalog {
        static func template(_ source: String) -> MessageTemplate {
            try! MessageTemplate(source, allowingOptionalPlaceholders: true)
        }

        static let catalog = ErrorCatalog(
            id: "hostile",
            title: "Hostile \"API\" v1\n\u{202E}",
            version: "1.0.0\nimport Foundation",
            docs: template(#"https://example.com/{name}?q="x"\(y)"#),
            envelope: Envelope(
                format: .problem,
                extensions: [
                    .init(key: "code", value: .value(.init(name: "code"))),
                    .init(key: "details", value: .value(.init(name: "details", isOptional: true))),
                    .init(key: "note \"quoted\"", value: .string(template(#"x "{code}" \(y) {{braces}}"#))),
                ],
                contentType: "application/problem+json; charset=\"utf-8\"",
                alternatives: [
                    Envelope(
                        format: .json,
                        body: .object([
                            .init(key: "code", value: .value(.init(name: "code"))),
                            .init(key: "message", value: .value(.init(name: "message"))),
                            .init(
                                key: "list",
                                value: .array([.number("1e3"), .bool(true), .null, .string(template("\0\u{7}"))])
                            ),
                        ]),
                        fieldErrors: .init(
                            layout: .list,
                            item: .object([.init(key: "f", value: .value(.init(name: "field")))])
                        )
                    )
                ]
            ),
            groups: [CodeGroup(name: "Negative \"group\"\n", codes: -10...(-1), description: "tab\there")],
            entries: [
                ErrorEntry(
                    name: "Default",
                    code: .string(#"quote"back\slash\(interp)"#),
                    status: 400,
                    title: "Line\nbreak \u{202E}RTL \u{200B}zero-width",
                    message: template(#"He said "{who}" \(not interpolated) {{literal}} é 👩‍👩‍👧 e\#u{301}"#),
                    parameters: [.init(name: "who", description: "The \"who\"\nsecond line \\(x)")],
                    description: "Ends */ here\n/// injected\r\nimport Foundation\u{2028}#if false\u{85}}",
                    headers: [.init(name: "X-Evil", value: template(#"a"b\(c){who}"#))],
                    lintAllowances: .init(rules: ["shared-code"], reason: "because \"reasons\"\\")
                ),
                ErrorEntry(
                    name: "MemberRefNotFound",
                    code: 20003,
                    status: 404,
                    message: template("Member '{memberRef}' not found.")
                ),
                ErrorEntry(
                    name: "Case",
                    code: 2,
                    status: 429,
                    message: template("In {in}, default {default}, self {self}, retry {retryAfter}."),
                    parameters: [
                        .init(name: "in", type: .integer),
                        .init(name: "default", type: .number),
                        .init(name: "self", type: .boolean),
                        .init(name: "retryAfter", type: .string),
                    ],
                    retry: .after,
                    hasFieldErrors: true
                ),
                ErrorEntry(name: "Catalog", code: 3, status: 400),
                ErrorEntry(name: "Unrecognized", code: 4, status: 400, kind: .reserved),
                ErrorEntry(name: "Template", code: 5, status: 400, origin: .client),
                ErrorEntry(name: "Self", code: 6, status: 400, isDeprecated: true),
                ErrorEntry(name: "Init", code: 7, status: 400, group: "Negative \"group\"\n"),
                ErrorEntry(name: "Type", code: 8, status: 400),
                ErrorEntry(name: "Protocol", code: 9, status: 400),
                ErrorEntry(name: "HTTPError", code: 10, status: 400),
                ErrorEntry(name: "HttpError", code: 11, status: 400),
                ErrorEntry(name: "404-not-found", code: 12, status: 404),
                ErrorEntry(name: "Error", code: 13, status: 500, message: template("Failed: {error}")),
                ErrorEntry(name: "Swift", code: 14, status: 400, message: template("{Swift} {Errata} {Entries}")),
            ],
            closeCodes: [CloseCodeEntry(code: 4000, name: "Bye", reason: "bye\0\"\\(x)", retry: .immediately)],
            operations: [
                Operation(
                    name: "Op",
                    id: -3,
                    route: #"GET /a/"b"\(c)"#,
                    description: "multi\nline",
                    codes: ["Default", "Case"]
                )
            ]
        )
    }

    /// Every public part of a catalog as `dump` prints it: the fixture `GeneratedCodeTests` compares the embedded
    /// catalogs with, field by field (the same function is there).
    enum CatalogDump {
        static func text(_ catalog: ErrorCatalog) -> String {
            var text = ""
            dump(
                (
                    formatVersion: catalog.formatVersion, id: catalog.id, title: catalog.title,
                    version: catalog.version,
                    docs: catalog.docs, envelope: catalog.envelope, groups: catalog.groups, entries: catalog.entries,
                    closeCodes: catalog.closeCodes, operations: catalog.operations
                ),
                to: &text
            )
            // Private types print with their address, which changes from run to run.
            return text.replacing(#/\(unknown context at \$[0-9a-f]+\)/#, with: "(private)")
        }
    }
}
