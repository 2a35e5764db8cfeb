import Errata
import ErrataCatalogs
import ErrataTools
import Foundation
import HTTPTypes
import Testing

/// The generators: golden files for every format and bundled catalog, and the behaviour each format promises.
///
/// Golden files live in `__Snapshots__/GeneratorTests/` beside this file. After an intended change, record them again
/// with `RECORD_SNAPSHOTS=1 swift test --filter GeneratorTests` and review the diff.
@Suite struct GeneratorTests {
    static let formats = ["markdown", "html", "openapi", "json-schema"]

    static func generate(_ format: String, _ catalog: ErrorCatalog) -> String {
        switch format {
        case "markdown": MarkdownGenerator.generate(catalog)
        case "html": ReferencePage(catalog: catalog).page()
        case "openapi": OpenAPIGenerator.generate(catalog)
        default: JSONSchemaGenerator.generate(catalog)
        }
    }

    static func fileExtension(_ format: String) -> String {
        switch format {
        case "markdown": "md"
        case "html": "html"
        case "openapi": "openapi.json"
        default: "schema.json"
        }
    }

    static func catalog(_ id: String) throws -> ErrorCatalog {
        let path = try #require(BundledCatalogs.path(forID: id))
        let loaded = CatalogLoader().load(path: path)
        return try #require(loaded.catalog, "\(loaded.diagnostics)")
    }

    static func parseJSON(_ text: String) throws -> JSONValue {
        try JSONParser(maximumDepth: 64).parse(Array(text.utf8))
    }

    // MARK: Golden files

    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent("GeneratorTests")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    }

    @Test(arguments: formats, BundledCatalogs.ids)
    func matchesTheGoldenFile(format: String, id: String) throws {
        let output = Self.generate(format, try Self.catalog(id))
        let file = Self.snapshots.appendingPathComponent("\(id).\(Self.fileExtension(format))")
        if Self.isRecording {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: file, options: .atomic)
            return
        }
        guard let golden = FileManager.default.contents(atPath: file.path) else {
            Issue.record("no golden file \(file.lastPathComponent); record it with RECORD_SNAPSHOTS=1 swift test")
            return
        }
        let expected = String(decoding: golden, as: UTF8.self)
        #expect(
            output == expected,
            """
            \(file.lastPathComponent) differs \(Self.firstDifference(output, expected)); if the change is intended, \
            record again with RECORD_SNAPSHOTS=1 swift test --filter GeneratorTests
            """
        )
    }

    /// Where two texts first differ: `at line 12: "…" (golden "…")`.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let line = index < actualLines.count ? String(actualLines[index]) : "<end of output>"
            let golden = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            if line != golden { return "at line \(index + 1): \"\(line)\" (golden: \"\(golden)\")" }
        }
        return ""
    }

    // Deterministic output (the same from separate processes, whose hash seeds differ) is checked by errataTests'
    // `GenerateCommandTests.sameOutputFromSeparateProcesses`: two calls in one process share a seed, so they cannot
    // tell.

    // MARK: Every code, every catalog

    @Test(arguments: BundledCatalogs.ids)
    func markdownListsEveryEntryAndCloseCodeWithAnAnchor(id: String) throws {
        let catalog = try Self.catalog(id)
        let markdown = MarkdownGenerator.generate(catalog)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
        for entry in catalog.entries {
            let row = rows.first { $0.contains("<a id=\"\(entry.name)\"></a>`\(entry.name)`") }
            #expect(row != nil, "no row for \(entry.name)")
            if let code = entry.code {
                #expect(row?.hasPrefix("| \(code) ") == true || row?.contains("</a>\(code) |") == true, "\(entry.name)")
            }
            if let status = entry.status {
                #expect(row?.contains("| \(status.code) ") == true, "\(entry.name)")
            }
        }
        for closeCode in catalog.closeCodes {
            #expect(rows.contains { $0.hasPrefix("| \(closeCode.code.rawValue) |") && $0.contains(closeCode.name) })
        }
    }

    @Test(arguments: BundledCatalogs.ids)
    func htmlHasARowAndAnchorForEveryEntry(id: String) throws {
        let catalog = try Self.catalog(id)
        let html = ReferencePage(catalog: catalog).page()
        var codeCounts: [String: Int] = [:]
        for entry in catalog.entries {
            if let code = entry.code { codeCounts[code.description, default: 0] += 1 }
        }
        for entry in catalog.entries {
            #expect(html.contains("<tr id=\"\(entry.name)\""), "no row for \(entry.name)")
            #expect(html.contains("<a class=\"name\" href=\"#\(entry.name)\"><code>\(entry.name)</code></a>"))
            guard let code = entry.code?.description else { continue }
            let isUnique = codeCounts[code] == 1 && catalog.entry(named: code) == nil
            #expect(html.contains("<span id=\"\(code)\">\(code)</span>") == isUnique, "code anchor of \(entry.name)")
            if !isUnique { #expect(html.contains(">\(code)</td>"), "code of \(entry.name)") }
        }
        for closeCode in catalog.closeCodes {
            #expect(html.contains("<tr id=\"\(closeCode.name)\""))
        }
    }

    @Test func markdownOperationsLinkToTheEntryAnchors() throws {
        let markdown = MarkdownGenerator.generate(try Self.catalog("pluralkit"))
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| `GetMember` |") })
        #expect(row.contains("| GET /members/{memberRef} |"))
        #expect(row.contains("[`MemberNotFound`](#MemberNotFound) (20002, 404)"))
        #expect(markdown.contains("<a id=\"MemberNotFound\"></a>`MemberNotFound`"))
    }

    @Test func pagesShowARealRenderedExampleBody() throws {
        let catalog = try Self.catalog("pluralkit")
        let entry = try #require(catalog.entry(named: "InvalidJSONModel"))
        let occurrence = ExampleResponse.occurrence(of: entry, in: catalog)
        let body = try ErrorRenderer(catalog: catalog).render(occurrence).body
        let pretty = try Self.parseJSON(String(decoding: body, as: UTF8.self))
        let fieldError = JSONValue.object([
            .init("message", "Value is too long."), .init("max_length", 100), .init("actual_length", 101),
        ])
        #expect(
            pretty
                == .object([
                    .init("code", 40001),
                    .init("message", "Error parsing JSON model (check errors key for details)"),
                    .init("errors", .object([.init("name", .array([fieldError]))])),
                ])
        )
        let markdown = MarkdownGenerator.generate(catalog)
        #expect(
            markdown.contains(
                "```http\nHTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{\n  \"code\": 40001,"
            )
        )
        let html = ReferencePage(catalog: catalog).page()
        #expect(
            html.contains(
                "<pre><code>HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{\n  &quot;code&quot;: 40001,"
            )
        )
    }

    // MARK: Hostile text

    static let hostile = #"<script>alert(1)</script><img src=x onerror=alert(1)> "double" 'single' & more"#
    static let escapedHostile =
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; "
        + "&quot;double&quot; &#39;single&#39; &amp; more"

    static let textFields = [
        "catalog title", "catalog id", "catalog version", "group name", "group description", "entry name", "code",
        "title", "message", "parameter description", "description", "header value", "close code name",
        "close code reason", "close code description", "operation name", "operation route", "operation description",
        "envelope member",
    ]

    /// A catalog with hostile text in one field and harmless text everywhere else.
    static func catalog(withHostile field: String) throws -> ErrorCatalog {
        func text(_ name: String, _ plain: String) -> String { field == name ? hostile : plain }
        let entryName = text("entry name", "Plain")
        let member = text("envelope member", "message")
        return ErrorCatalog(
            id: text("catalog id", "hostile"),
            title: text("catalog title", "Hostile API"),
            version: text("catalog version", "1.0.0"),
            docs: try MessageTemplate("javascript:alert(1)//{name}"),
            envelope: Envelope(
                format: .json,
                body: .object([
                    .init(key: "code", value: .value(.init(name: "code"))),
                    .init(key: member, value: .value(.init(name: "message"))),
                    .init(key: "errors", value: .value(.init(name: "errors", isOptional: true))),
                ])
            ),
            groups: [
                CodeGroup(
                    name: text("group name", "Everything"),
                    codes: 0...100,
                    description: text("group description", "All.")
                )
            ],
            entries: [
                ErrorEntry(
                    name: entryName,
                    code: field == "code" ? .string(hostile) : 1,
                    status: .notFound,
                    title: text("title", "Not found"),
                    message: try MessageTemplate(text("message", "Thing") + " '{thing}' not found."),
                    parameters: [
                        ParameterDeclaration(name: "thing", description: text("parameter description", "The thing."))
                    ],
                    description: text("description", "When the thing is missing."),
                    hasFieldErrors: true,
                    headers: [
                        ErrorEntry.Header(name: "X-Note", value: try MessageTemplate(text("header value", "note")))
                    ]
                ),
                ErrorEntry(
                    name: "Other",
                    code: 2,
                    status: .badRequest,
                    title: "Other",
                    message: try MessageTemplate("Other.")
                ),
            ],
            closeCodes: [
                CloseCodeEntry(
                    code: 4000,
                    name: text("close code name", "Closed"),
                    reason: text("close code reason", "closed"),
                    description: text("close code description", "The server closed the session.")
                )
            ],
            operations: [
                Operation(
                    name: text("operation name", "GetThing"),
                    route: "GET /things/" + text("operation route", "{thing}"),
                    description: text("operation description", "Gets a thing."),
                    codes: [entryName, "Other"]
                )
            ]
        )
    }

    @Test(arguments: textFields)
    func htmlShowsHostileTextAsText(field: String) throws {
        let catalog = try Self.catalog(withHostile: field)
        let page = ReferencePage(catalog: catalog)
        let entryPages = catalog.entries.compactMap { page.entryPage(named: $0.name) }
        #expect(entryPages.count == catalog.entries.count)
        for html in [page.page()] + entryPages {
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<img"))
            #expect(!html.contains("\"double\""))
            #expect(!html.contains("'single'"))
            #expect(!html.contains("href=\"javascript:"))
            #expect(html.components(separatedBy: "<script").count == 2, "only the page's own script")
        }
        let everything = ([page.page()] + entryPages).joined()
        #expect(everything.contains(Self.escapedHostile), "the \(field) is on the pages, escaped")
    }

    @Test(arguments: textFields)
    func markdownShowsHostileTextAsText(field: String) throws {
        let markdown = MarkdownGenerator.generate(try Self.catalog(withHostile: field))
        // A fenced code block shows its content as text, as Markdown defines it: the example body stays exact there.
        let prose = Self.removingCodeBlocks(markdown)
        #expect(!prose.contains("<script"))
        #expect(!prose.contains("<img"))
        #expect(prose.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the \(field) is on the page, escaped")
    }

    /// The Markdown without its fenced code blocks.
    static func removingCodeBlocks(_ markdown: String) -> String {
        var lines: [Substring] = []
        var fence: Substring?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = fence {
                if line == open { fence = nil }
            } else if line.hasPrefix("```") {
                fence = line.prefix { $0 == "`" }
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func markdownExampleFenceOutlastsBackticksInTheBody() throws {
        let catalog = ErrorCatalog(
            id: "ticks",
            title: "Ticks",
            entries: [
                ErrorEntry(name: "Ticked", code: 1, status: .badRequest, message: try MessageTemplate("a ```` b"))
            ]
        )
        let markdown = MarkdownGenerator.generate(catalog)
        #expect(markdown.contains("`````http\nHTTP/1.1 400 Bad Request\n"))
        #expect(markdown.contains("\n`````\n"))
    }

    @Test func markdownEscapesTableMetacharactersInCatalogText() throws {
        let catalog = ErrorCatalog(
            id: "pipes",
            title: "Pipes",
            entries: [
                ErrorEntry(
                    name: "Piped",
                    code: 1,
                    status: .badRequest,
                    title: "a | b",
                    message: try MessageTemplate("left | right"),
                    description: "first line\nsecond | line\r\nthird *not emphasis* [not](link) `not code` back\\slash"
                )
            ]
        )
        let markdown = MarkdownGenerator.generate(catalog)
        let row = try #require(markdown.split(separator: "\n").first { $0.contains("`Piped`") })
        #expect(row.contains("a \\| b"))
        #expect(row.contains("left \\| right"))
        #expect(
            row.contains(
                "first line<br>second \\| line<br>third \\*not emphasis\\* \\[not\\](link) \\`not code\\` back\\\\slash"
            )
        )
        let header = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| code | name |") })
        #expect(Self.unescapedPipes(in: row) == Self.unescapedPipes(in: header))
    }

    static func unescapedPipes(in line: Substring) -> Int {
        var count = 0
        var isEscaped = false
        for character in line {
            if character == "|" && !isEscaped { count += 1 }
            isEscaped = character == "\\" && !isEscaped
        }
        return count
    }

    // MARK: HTML page

    @Test func htmlIsSelfContainedAndResponsive() throws {
        let html = ReferencePage(catalog: try Self.catalog("pluralkit")).page()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        for external in [" src=", "<link", "@import", "url(", "href=\"http", "href=\"//"] {
            #expect(!html.contains(external), "loads nothing from elsewhere: \(external)")
        }
        #expect(html.contains("<input id=\"search\" type=\"search\""))
        #expect(html.contains("@media (max-width: 40rem)"))
        let print = try #require(html.range(of: "@media print {"))
        #expect(html[print.upperBound...].prefix(200).contains(".search"))
        #expect(
            html.contains(
                "data-search=\"20003 memberrefnotfound member not found member &#39;{memberref}&#39; not found.\""
            )
        )
    }

    @Test func entryPageShowsEveryFactAndTheExample() throws {
        let page = ReferencePage(catalog: try Self.catalog("pluralkit"))
        let html = try #require(page.entryPage(named: "MemberRefNotFound", referenceURL: "/pluralkit/"))
        #expect(html.contains("<h1><code>MemberRefNotFound</code></h1>"))
        #expect(html.contains("<a href=\"/pluralkit/#MemberRefNotFound\">PluralKit API v2 errors</a>"))
        #expect(html.contains("<dt>Code</dt><dd>20003</dd>"))
        #expect(html.contains("<dt>HTTP status</dt><dd>404 Not Found"))
        #expect(html.contains("<a href=\"https://pluralkit.me/api/errors#MemberRefNotFound\">"))
        #expect(html.contains("&quot;message&quot;: &quot;Member &#39;abc&#39; not found.&quot;"))
        #expect(page.entryPage(named: "NoSuchEntry") == nil)
        let clientSide = try #require(
            ReferencePage(catalog: try Self.catalog("blazeauth")).entryPage(named: "FileChecksumMismatch")
        )
        #expect(clientSide.contains("client-side only"))
        #expect(!clientSide.contains("<h2>Example</h2>"))
    }

    @Test func statusRegistryPageHasARowPerStatus() {
        let html = ReferencePage.statusRegistryPage()
        for definition in HTTPStatusRegistry.standard.definitions {
            #expect(html.contains("<tr id=\"\(definition.code)\""), "\(definition.code)")
        }
        #expect(html.contains("Too Many Requests"))
        #expect(html.contains("<code>Retry-After</code>"))
        #expect(html.contains("<input id=\"search\""))
    }

    // MARK: OpenAPI

    /// Codes are listed as `examples` of an open type, never as an `enum` that makes a generated client reject a
    /// newer server's code (swift-openapi-generator#608).
    @Test(arguments: BundledCatalogs.ids)
    func openAPIDocumentsCodesWithoutClosingTheSet(id: String) throws {
        let catalog = try Self.catalog(id)
        let text = OpenAPIGenerator.generate(catalog)
        #expect(!text.contains("\"enum\""))
        let codes = catalog.entries.filter { $0.origin == .server }.compactMap(\.code)
        guard !codes.isEmpty else { return }
        let document = try Self.parseJSON(text)
        func codeSchemas(_ value: JSONValue) -> [JSONValue] {
            switch value {
            case .object(let members):
                let here = members.compactMap { member -> JSONValue? in
                    guard case .object(let schema) = member.value,
                        schema.contains(where: {
                            if case .array = $0.value { $0.key == "examples" } else { false }
                        })
                    else { return nil }
                    return member.value
                }
                return here + members.flatMap { codeSchemas($0.value) }
            case .array(let items): return items.flatMap(codeSchemas)
            default: return []
            }
        }
        let schemas = try #require(document["components"]?["schemas"])
        let schema = try #require(codeSchemas(schemas).first)
        guard case .array(let examples) = schema["examples"] else {
            Issue.record("no examples")
            return
        }
        #expect(examples.count == Set(codes).count)
        for code in codes {
            switch code {
            case .integer(let value): #expect(examples.contains(.integer(value)), "\(code)")
            case .string(let value): #expect(examples.contains(.string(value)), "\(code)")
            }
        }
    }

    @Test(arguments: BundledCatalogs.ids)
    func openAPIHasANamedExamplePerEntryWithTheRenderedBody(id: String) throws {
        let catalog = try Self.catalog(id)
        let document = try Self.parseJSON(OpenAPIGenerator.generate(catalog))
        #expect(document["openapi"] == "3.1.0")
        #expect(document["info"]?["title"] == .string(catalog.title))
        #expect(document["info"]?["version"] == .string(catalog.version))
        #expect(document["components"]?["schemas"]?["ErrorBody"] != nil)
        let responses = try #require(document["components"]?["responses"])
        let renderer = try ErrorRenderer(catalog: catalog)
        var named = 0
        for entry in catalog.entries where entry.origin == .server {
            guard let status = entry.status else { continue }
            // Under its status, and under each status the API also answers it with.
            for sent in [status] + entry.otherStatuses {
                let name = OpenAPIGenerator.responseName(for: sent)
                let example = responses[name]?["content"]?[catalog.envelope.contentType]?["examples"]?[entry.name]
                let rendered = renderer.render(ExampleResponse.occurrence(of: entry, in: catalog))
                #expect(example?["value"] == (try JSONParser().parse(rendered.body)), "\(entry.name) in \(name)")
                named += 1
            }
        }
        if case .object(let members) = responses {
            let examples = members.flatMap { member -> [JSONValue.Member] in
                if case .object(let examples)? = member.value["content"]?[catalog.envelope.contentType]?["examples"] {
                    return examples
                }
                return []
            }
            #expect(examples.count == named)
        }
    }

    @Test func openAPIPathsReferToTheStatusResponses() throws {
        let document = try Self.parseJSON(OpenAPIGenerator.generate(try Self.catalog("pluralkit")))
        let getMember = try #require(document["paths"]?["/members/{memberRef}"]?["get"])
        #expect(getMember["operationId"] == "GetMember")
        #expect(
            getMember["parameters"]
                == .array([
                    .object([
                        .init("name", "memberRef"), .init("in", "path"), .init("required", true),
                        .init("schema", .object([.init("type", "string")])),
                    ])
                ])
        )
        #expect(
            getMember["responses"]
                == .object([
                    .init("401", .object([.init("$ref", "#/components/responses/Unauthorized401")])),
                    .init("403", .object([.init("$ref", "#/components/responses/Forbidden403")])),
                    .init("404", .object([.init("$ref", "#/components/responses/NotFound404")])),
                    .init("429", .object([.init("$ref", "#/components/responses/TooManyRequests429")])),
                    .init("500", .object([.init("$ref", "#/components/responses/InternalServerError500")])),
                ])
        )
        #expect(document["paths"]?["/systems/{systemRef}/switches/{switchRef}"]?["patch"] != nil)
        let websocket = try Self.parseJSON(OpenAPIGenerator.generate(try Self.catalog("blazeauth")))
        #expect(websocket["paths"] == .object([]))
        #expect(websocket["components"]?["responses"] == .object([]))
    }

    @Test(arguments: [
        (418, "ImATeapot418"), (404, "NotFound404"), (599, "NetworkConnectTimeoutError599"), (299, "Status299"),
    ])
    func openAPIResponseNamesComeFromTheReasonPhrase(code: Int, name: String) {
        #expect(OpenAPIGenerator.responseName(for: HTTPResponse.Status(code: code, reasonPhrase: "")) == name)
    }

    @Test func openAPIDescribesEachStatussHeaders() throws {
        let document = try Self.parseJSON(OpenAPIGenerator.generate(try Self.catalog("batchdata")))
        let responses = try #require(document["components"]?["responses"])
        #expect(responses["Unauthorized401"]?["headers"]?["WWW-Authenticate"]?["schema"]?["type"] == "string")
        #expect(responses["MethodNotAllowed405"]?["headers"]?["Allow"] != nil)
        #expect(responses["TooManyRequests429"]?["headers"]?["Retry-After"]?["schema"]?["type"] == "integer")
        #expect(responses["NotFound404"]?["headers"] == nil)
    }

    // MARK: JSON Schema

    @Test func jsonSchemaTypesTheMembersFromTheEnvelope() throws {
        let pluralKit = try Self.parseJSON(JSONSchemaGenerator.generate(try Self.catalog("pluralkit")))
        #expect(pluralKit["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(pluralKit["type"] == "object")
        #expect(pluralKit["required"] == .array(["code", "message"]))
        #expect(pluralKit["properties"]?["code"]?["type"] == "integer")
        #expect(pluralKit["properties"]?["message"]?["type"] == "string")
        #expect(pluralKit["properties"]?["retry_after"]?["type"] == "integer")
        #expect(pluralKit["properties"]?["errors"]?["additionalProperties"]?["items"]?["$ref"] == "#/$defs/FieldError")
        #expect(pluralKit["$defs"]?["FieldError"]?["required"] == .array(["message"]))

        let batchData = try Self.parseJSON(JSONSchemaGenerator.generate(try Self.catalog("batchdata")))
        #expect(batchData["required"] == .array(["status"]))
        #expect(batchData["properties"]?["status"]?["properties"]?["code"]?["type"] == "integer")
        #expect(batchData["properties"]?["status"]?["properties"]?["text"]?["type"] == "string")
        #expect(batchData["$defs"] == nil)

        let rest = try Self.parseJSON(JSONSchemaGenerator.generate(try Self.catalog("rest-error-codes")))
        #expect(rest["required"] == .array(["error_code", "error_message", "details"]))
        #expect(rest["properties"]?["details"]?["type"] == nil, "details is any JSON, null included")

        let blazeAuth = try Self.parseJSON(JSONSchemaGenerator.generate(try Self.catalog("blazeauth")))
        #expect(blazeAuth["properties"]?["status"]?["type"] == "integer")
    }

    @Test(arguments: BundledCatalogs.ids)
    func everyExampleBodyConformsToTheSchema(id: String) throws {
        let catalog = try Self.catalog(id)
        let schema = try Self.parseJSON(JSONSchemaGenerator.generate(catalog))
        let renderer = try ErrorRenderer(catalog: catalog)
        for entry in catalog.entries where entry.origin == .server {
            let bare = renderer.body(for: APIError(unchecked: entry))
            let full = renderer.body(for: ExampleResponse.occurrence(of: entry, in: catalog))
            for body in [bare, full] {
                let value = try JSONParser().parse(body)
                let problems = SchemaCheck(root: schema).problems(value, against: schema, at: "")
                #expect(problems.isEmpty, "\(entry.name): \(problems)")
            }
        }
    }

    @Test func jsonSchemaForProblemEnvelopesFollowsRFC9457() throws {
        let catalog = ErrorCatalog(
            id: "problems",
            title: "Problems",
            envelope: Envelope(format: .problem, extensions: [.init(key: "code", value: .value(.init(name: "code")))]),
            entries: [
                ErrorEntry(
                    name: "Gone",
                    code: "GONE",
                    status: .gone,
                    title: "Gone",
                    message: try MessageTemplate("Gone.")
                )
            ]
        )
        let schema = try Self.parseJSON(JSONSchemaGenerator.generate(catalog))
        #expect(schema["required"] == .array(["type", "title", "code"]))
        #expect(schema["properties"]?["status"]?["type"] == "integer")
        #expect(schema["properties"]?["code"]?["type"] == "string")
        #expect(schema["properties"]?["errors"]?["items"]?["$ref"] == "#/$defs/FieldError")
        #expect(schema["$defs"]?["FieldError"]?["required"] == .array(["detail", "pointer"]))
    }
}

/// Checks a JSON value against the subset of JSON Schema the generators write: `type`, `const`, `properties`,
/// `required`, `items`, `prefixItems`, `additionalProperties`, `minimum` and local `$ref`s.
struct SchemaCheck {
    var root: JSONValue

    func problems(_ value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        if case .string(let reference)? = schema["$ref"] {
            let parts = reference.dropFirst(2).split(separator: "/").map(String.init)
            guard reference.hasPrefix("#/"), let target = parts.reduce(Optional(root), { $0?[$1] }) else {
                return ["\(path): unresolvable $ref \(reference)"]
            }
            return problems(value, against: target, at: path)
        }
        var found: [String] = []
        if let constant = schema["const"], constant != value { found.append("\(path): \(value) is not \(constant)") }
        if let type = schema["type"] {
            let allowed: [String] =
                switch type {
                case .string(let name): [name]
                case .array(let names): names.compactMap(\.stringValue)
                default: []
                }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                found.append("\(path): \(value) is not \(allowed.joined(separator: " or "))")
            }
        }
        if case .number? = schema["minimum"], let minimum = schema["minimum"]?.doubleValue,
            let number = value.doubleValue,
            number < minimum
        {
            found.append("\(path): \(number) < \(minimum)")
        }
        switch value {
        case .object(let members):
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where !members.contains(where: { $0.key == key }) {
                    found.append("\(path): missing \(key)")
                }
            }
            for member in members {
                if let property = schema["properties"]?[member.key] {
                    found += problems(member.value, against: property, at: path + "/" + member.key)
                } else if let additional = schema["additionalProperties"] {
                    found += problems(member.value, against: additional, at: path + "/" + member.key)
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if case .array(let prefix)? = schema["prefixItems"], index < prefix.count {
                    found += problems(element, against: prefix[index], at: "\(path)/\(index)")
                } else if let items = schema["items"] {
                    found += problems(element, against: items, at: "\(path)/\(index)")
                }
            }
        default:
            break
        }
        return found
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("object", .object), ("array", .array),
            ("number", .number):
            true
        case ("integer", .number(let text)): Int(text) != nil
        default: false
        }
    }
}
