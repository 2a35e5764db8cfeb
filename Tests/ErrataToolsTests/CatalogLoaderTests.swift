import Errata
import ErrataTools
import Foundation
import HTTPTypes
import Testing

@Suite struct CatalogLoaderTests {
    /// A catalog that uses every part of the format.
    static let fullYAML = #"""
        # A catalog that uses every part of the format.
        errata: 1
        id: full-shop
        title: Full Shop API
        version: 2.1.0-beta.1
        docs: "https://example.com/errors#{name}"

        envelope:
          format: json
          contentType: application/vnd.shop.error+json
          body:
            code: "{code}"
            message: "{message}"
            summary: "{status} {reason}: {title}"
            errors: "{errors?}"
            retry_after: "{retryAfterMilliseconds?}"
            request: "{requestID}"
            member: "{params.memberRef?}"
            version: 2
            ratio: -1.5e3
            internal: false
            extra: null
            tags: [shop, "{name}"]
            literal: "{{braces}}"
          fieldErrors:
            layout: list
            item: { field: "{field}", pointer: "{pointer}", detail: "{message}", max: "{attributes.max_length?}" }
          alternatives:
            - format: problem
              extensions: { code: "{code}", request_id: "{requestID?}" }

        groups:
          - { name: Not found, codes: "20001...20999", description: Missing things. }
          - { name: Teapot, codes: 418 }

        codes:
          - name: MemberRefNotFound
            code: 20003
            status: 404
            title: Member not found
            message: "Member '{memberRef}' not found."
            params:
              memberRef: { type: string, description: The member id or name the client sent. }
            description: When the member does not exist.
            group: Not found

          - name: Unauthorized
            code: AUTH_REQUIRED
            status: 401
            title: Unauthorized
            message: "Sign in to {realm}."
            params:
              realm:
            headers:
              WWW-Authenticate: 'Bearer realm="{realm}"'
              Cache-Control: no-store
              X-Error-Code: AUTH_REQUIRED
            retry: immediately
            lint: { allow: [missing-required-header, shared-code], reason: "The gateway sends the challenge." }

          - name: InvalidModel
            code: 40001
            status: 400
            message: "Model has {count} errors, {{at most}} {limit}."
            params:
              count: { type: integer }
              limit: { type: number, description: The most errors reported. }
              strict: { type: boolean }
            fields: true
            deprecated: true

          - name: Ok
            code: 1
            kind: success
          - name: StreamChunk
            code: 2
            kind: progress
          - name: ChecksumMismatch
            code: 302
            origin: client
          - name: Continue
            status: 100
            kind: informational
          - name: Unused
            code: -1
            kind: reserved
          - name: TooManyRequests
            status: 429
            retry: after

        closeCodes:
          - { code: 4201, name: RateLimitHit, reason: rate limit hit, retry: after, description: Too many requests. }
          - { code: 1008, name: PolicyViolation }

        operations:
          - { name: LinkLicense, id: 4, codes: [Ok, Unauthorized] }
          - name: GetMember
            route: "GET /members/{memberRef}"
            description: Reads a member.
            codes:
              - MemberRefNotFound
              - Unauthorized
        """#

    /// The same catalog as JSON, indented with tabs.
    static let fullJSON = """
        {
        \t"errata": 1,
        \t"id": "full-shop",
        \t"title": "Full Shop API",
        \t"version": "2.1.0-beta.1",
        \t"docs": "https://example.com/errors#{name}",
        \t"envelope": {
        \t\t"format": "json",
        \t\t"contentType": "application/vnd.shop.error+json",
        \t\t"body": {
        \t\t\t"code": "{code}",
        \t\t\t"message": "{message}",
        \t\t\t"summary": "{status} {reason}: {title}",
        \t\t\t"errors": "{errors?}",
        \t\t\t"retry_after": "{retryAfterMilliseconds?}",
        \t\t\t"request": "{requestID}",
        \t\t\t"member": "{params.memberRef?}",
        \t\t\t"version": 2,
        \t\t\t"ratio": -1.5e3,
        \t\t\t"internal": false,
        \t\t\t"extra": null,
        \t\t\t"tags": ["shop", "{name}"],
        \t\t\t"literal": "{{braces}}"
        \t\t},
        \t\t"fieldErrors": {
        \t\t\t"layout": "list",
        \t\t\t"item": {"field": "{field}", "pointer": "{pointer}", "detail": "{message}", \
        "max": "{attributes.max_length?}"}
        \t\t},
        \t\t"alternatives": [
        \t\t\t{"format": "problem", "extensions": {"code": "{code}", "request_id": "{requestID?}"}}
        \t\t]
        \t},
        \t"groups": [
        \t\t{"name": "Not found", "codes": "20001...20999", "description": "Missing things."},
        \t\t{"name": "Teapot", "codes": 418}
        \t],
        \t"codes": [
        \t\t{
        \t\t\t"name": "MemberRefNotFound",
        \t\t\t"code": 20003,
        \t\t\t"status": 404,
        \t\t\t"title": "Member not found",
        \t\t\t"message": "Member '{memberRef}' not found.",
        \t\t\t"params": {
        \t\t\t\t"memberRef": {"type": "string", "description": "The member id or name the client sent."}
        \t\t\t},
        \t\t\t"description": "When the member does not exist.",
        \t\t\t"group": "Not found"
        \t\t},
        \t\t{
        \t\t\t"name": "Unauthorized",
        \t\t\t"code": "AUTH_REQUIRED",
        \t\t\t"status": 401,
        \t\t\t"title": "Unauthorized",
        \t\t\t"message": "Sign in to {realm}.",
        \t\t\t"params": {"realm": null},
        \t\t\t"headers": {
        \t\t\t\t"WWW-Authenticate": "Bearer realm=\\"{realm}\\"",
        \t\t\t\t"Cache-Control": "no-store",
        \t\t\t\t"X-Error-Code": "AUTH_REQUIRED"
        \t\t\t},
        \t\t\t"retry": "immediately",
        \t\t\t"lint": {"allow": ["missing-required-header", "shared-code"], \
        "reason": "The gateway sends the challenge."}
        \t\t},
        \t\t{
        \t\t\t"name": "InvalidModel",
        \t\t\t"code": 40001,
        \t\t\t"status": 400,
        \t\t\t"message": "Model has {count} errors, {{at most}} {limit}.",
        \t\t\t"params": {
        \t\t\t\t"count": {"type": "integer"},
        \t\t\t\t"limit": {"type": "number", "description": "The most errors reported."},
        \t\t\t\t"strict": {"type": "boolean"}
        \t\t\t},
        \t\t\t"fields": true,
        \t\t\t"deprecated": true
        \t\t},
        \t\t{"name": "Ok", "code": 1, "kind": "success"},
        \t\t{"name": "StreamChunk", "code": 2, "kind": "progress"},
        \t\t{"name": "ChecksumMismatch", "code": 302, "origin": "client"},
        \t\t{"name": "Continue", "status": 100, "kind": "informational"},
        \t\t{"name": "Unused", "code": -1, "kind": "reserved"},
        \t\t{"name": "TooManyRequests", "status": 429, "retry": "after"}
        \t],
        \t"closeCodes": [
        \t\t{"code": 4201, "name": "RateLimitHit", "reason": "rate limit hit", "retry": "after", \
        "description": "Too many requests."},
        \t\t{"code": 1008, "name": "PolicyViolation"}
        \t],
        \t"operations": [
        \t\t{"name": "LinkLicense", "id": 4, "codes": ["Ok", "Unauthorized"]},
        \t\t{
        \t\t\t"name": "GetMember",
        \t\t\t"route": "GET /members/{memberRef}",
        \t\t\t"description": "Reads a member.",
        \t\t\t"codes": ["MemberRefNotFound", "Unauthorized"]
        \t\t}
        \t]
        }

        """

    /// What ``fullYAML`` describes, written out by hand.
    static func expectedCatalog() throws -> ErrorCatalog {
        func template(_ text: String, optional: Bool = false) throws -> MessageTemplate {
            try MessageTemplate(text, allowingOptionalPlaceholders: optional)
        }
        func value(_ name: String, optional: Bool = false) -> JSONTemplate {
            .value(MessageTemplate.Placeholder(name: name, isOptional: optional))
        }
        let body = JSONTemplate.object([
            .init(key: "code", value: value("code")),
            .init(key: "message", value: value("message")),
            .init(key: "summary", value: .string(try template("{status} {reason}: {title}"))),
            .init(key: "errors", value: value("errors", optional: true)),
            .init(key: "retry_after", value: value("retryAfterMilliseconds", optional: true)),
            .init(key: "request", value: value("requestID")),
            .init(key: "member", value: value("params.memberRef", optional: true)),
            .init(key: "version", value: .number("2")),
            .init(key: "ratio", value: .number("-1.5e3")),
            .init(key: "internal", value: .bool(false)),
            .init(key: "extra", value: .null),
            .init(key: "tags", value: .array([.string(try template("shop")), value("name")])),
            .init(key: "literal", value: .string(try template("{{braces}}"))),
        ])
        let fieldItem = JSONTemplate.object([
            .init(key: "field", value: value("field")),
            .init(key: "pointer", value: value("pointer")),
            .init(key: "detail", value: value("message")),
            .init(key: "max", value: value("attributes.max_length", optional: true)),
        ])
        let problem = Envelope(
            format: .problem,
            extensions: [
                .init(key: "code", value: value("code")),
                .init(key: "request_id", value: value("requestID", optional: true)),
            ]
        )
        let envelope = Envelope(
            format: .json,
            body: body,
            fieldErrors: Envelope.FieldErrorLayout(layout: .list, item: fieldItem),
            contentType: "application/vnd.shop.error+json",
            alternatives: [problem]
        )
        let entries = [
            ErrorEntry(
                name: "MemberRefNotFound",
                code: 20003,
                status: .notFound,
                title: "Member not found",
                message: try template("Member '{memberRef}' not found."),
                parameters: [
                    ParameterDeclaration(
                        name: "memberRef",
                        type: .string,
                        description: "The member id or name the client sent."
                    )
                ],
                description: "When the member does not exist.",
                group: "Not found"
            ),
            ErrorEntry(
                name: "Unauthorized",
                code: "AUTH_REQUIRED",
                status: .unauthorized,
                title: "Unauthorized",
                message: try template("Sign in to {realm}."),
                parameters: [ParameterDeclaration(name: "realm")],
                retry: .immediately,
                headers: [
                    .init(name: "WWW-Authenticate", value: try template(#"Bearer realm="{realm}""#)),
                    .init(name: "Cache-Control", value: try template("no-store")),
                    .init(name: "X-Error-Code", value: try template("AUTH_REQUIRED")),
                ],
                lintAllowances: .init(
                    rules: ["missing-required-header", "shared-code"],
                    reason: "The gateway sends the challenge."
                )
            ),
            ErrorEntry(
                name: "InvalidModel",
                code: 40001,
                status: .badRequest,
                message: try template("Model has {count} errors, {{at most}} {limit}."),
                parameters: [
                    ParameterDeclaration(name: "count", type: .integer),
                    ParameterDeclaration(name: "limit", type: .number, description: "The most errors reported."),
                    ParameterDeclaration(name: "strict", type: .boolean),
                ],
                hasFieldErrors: true,
                isDeprecated: true
            ),
            ErrorEntry(name: "Ok", code: 1, kind: .success),
            ErrorEntry(name: "StreamChunk", code: 2, kind: .progress),
            ErrorEntry(name: "ChecksumMismatch", code: 302, origin: .client),
            ErrorEntry(name: "Continue", status: .continue, kind: .informational),
            ErrorEntry(name: "Unused", code: -1, kind: .reserved),
            ErrorEntry(name: "TooManyRequests", status: .tooManyRequests, retry: .after),
        ]
        return ErrorCatalog(
            formatVersion: 1,
            id: "full-shop",
            title: "Full Shop API",
            version: "2.1.0-beta.1",
            docs: try template("https://example.com/errors#{name}"),
            envelope: envelope,
            groups: [
                CodeGroup(name: "Not found", codes: 20001...20999, description: "Missing things."),
                CodeGroup(name: "Teapot", codes: 418...418),
            ],
            entries: entries,
            closeCodes: [
                CloseCodeEntry(
                    code: WebSocketCloseCode(rawValue: 4201),
                    name: "RateLimitHit",
                    reason: "rate limit hit",
                    description: "Too many requests.",
                    retry: .after
                ),
                CloseCodeEntry(code: WebSocketCloseCode(rawValue: 1008), name: "PolicyViolation"),
            ],
            operations: [
                Operation(name: "LinkLicense", id: 4, codes: ["Ok", "Unauthorized"]),
                Operation(
                    name: "GetMember",
                    route: "GET /members/{memberRef}",
                    description: "Reads a member.",
                    codes: ["MemberRefNotFound", "Unauthorized"]
                ),
            ]
        )
    }

    /// The 1-based line and column where `needle` first occurs in `text`.
    static func position(of needle: String, in text: String = fullYAML) throws -> (line: Int, column: Int) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: needle) {
                return (index + 1, line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        throw NotFound(needle: needle)
    }

    struct NotFound: Error {
        var needle: String
    }

    // MARK: Loading

    @Test func loadsEveryFieldOfAFullCatalog() throws {
        let result = CatalogLoader().load(text: Self.fullYAML, path: "full.errata.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let catalog = try #require(result.catalog)
        let expected = try Self.expectedCatalog()

        // Field by field first, so that a difference is easy to read; then the whole.
        #expect(catalog.id == expected.id)
        #expect(catalog.version == expected.version)
        #expect(catalog.docs == expected.docs)
        #expect(catalog.envelope.body == expected.envelope.body)
        #expect(catalog.envelope.fieldErrors == expected.envelope.fieldErrors)
        #expect(catalog.envelope.alternatives == expected.envelope.alternatives)
        #expect(catalog.envelope.declaredContentType == "application/vnd.shop.error+json")
        #expect(catalog.groups == expected.groups)
        #expect(catalog.entries.map(\.name) == expected.entries.map(\.name))
        for (loaded, written) in zip(catalog.entries, expected.entries) {
            #expect(loaded == written, "\(loaded.name)")
        }
        #expect(catalog.closeCodes == expected.closeCodes)
        #expect(catalog.operations == expected.operations)
        #expect(catalog == expected)
    }

    @Test func keepsBodyMembersAndHeadersInTheOrderWritten() throws {
        let catalog = try #require(CatalogLoader().load(text: Self.fullYAML, path: "full.errata.yaml").catalog)
        guard case .object(let members) = catalog.envelope.body else {
            Issue.record("the body is not an object")
            return
        }
        #expect(
            members.map(\.key) == [
                "code", "message", "summary", "errors", "retry_after", "request", "member", "version", "ratio",
                "internal", "extra", "tags", "literal",
            ]
        )
        let headers = try #require(catalog.entry(named: "Unauthorized")).headers
        #expect(headers.map(\.name) == ["WWW-Authenticate", "Cache-Control", "X-Error-Code"])
        #expect(headers.first?.value.parameterNames == ["realm"])
    }

    @Test func loadsTheSameCatalogFromTabIndentedJSON() throws {
        #expect(Self.fullJSON.contains("\t\t\t\"code\""))
        let json = CatalogLoader().load(text: Self.fullJSON, path: "full.errata.json")
        #expect(json.diagnostics.isEmpty, "\(json.diagnostics)")
        let yaml = CatalogLoader().load(text: Self.fullYAML, path: "full.errata.yaml")
        let catalog = try #require(json.catalog)
        #expect(catalog == yaml.catalog)
        #expect(catalog == (try Self.expectedCatalog()))
    }

    @Test func acceptsAByteOrderMarkWithoutShiftingColumns() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let loaded = CatalogLoader().load(bytes: bom + Array(Self.fullYAML.utf8), path: "full.errata.yaml")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.catalog == (try Self.expectedCatalog()))

        let text = "errata: 2\nid: a\ntitle: A\nversion: 1.0.0\ncodes: []\n"
        let bad = CatalogLoader().load(bytes: bom + Array(text.utf8), path: "bom.errata.yaml")
        #expect(
            bad.diagnostics.map(\.description) == [
                "bom.errata.yaml:1:9: error: unsupported catalog format 'errata: 2'; this version of Errata reads "
                    + "format 1"
            ]
        )
    }

    @Test func acceptsWindowsLineEndings() throws {
        let crlf = Self.fullYAML.replacingOccurrences(of: "\n", with: "\r\n")
        let result = CatalogLoader().load(text: crlf, path: "full.errata.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog == (try Self.expectedCatalog()))
    }

    // MARK: Files

    @Test func loadsAFileFromDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errata-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("full.errata.yaml")
        try Data(Self.fullYAML.utf8).write(to: file)

        let result = CatalogLoader().load(path: file.path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog == (try Self.expectedCatalog()))
        #expect(result.sourceMap.file == file.path)
    }

    @Test func reportsAMissingFile() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("errata-\(UUID()).errata.yaml").path
        let result = CatalogLoader().load(path: path)
        #expect(result.catalog == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(path):1:1: error: cannot open '\(path)': there is no such file"
            ]
        )
    }

    @Test func reportsAFolderGivenAsAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errata-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = CatalogLoader().load(path: folder.path)
        #expect(result.catalog == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(folder.path):1:1: error: '\(folder.path)' is a folder; name a catalog file, or pass the folder to "
                    + "'errata lint'"
            ]
        )
    }

    // MARK: Source map

    @Test func sourceMapPointsAtWhereEachPartWasWritten() throws {
        let result = CatalogLoader().load(text: Self.fullYAML, path: "full.errata.yaml")
        let map = result.sourceMap
        func at(_ needle: String) throws -> ErrataTools.SourceLocation {
            let (line, column) = try Self.position(of: needle)
            return ErrataTools.SourceLocation(file: "full.errata.yaml", line: line, column: column)
        }
        #expect(map.file == "full.errata.yaml")
        #expect(map.root.location == (try at("errata: 1")))
        #expect(map.root["id"] == (try at("full-shop")))
        #expect(map.root["codes"] == (try at("- name: MemberRefNotFound")))
        #expect(map.root["envelope.body"] == (try at("code: \"{code}\"")))
        #expect(map.root["envelope.contentType"] == (try at("application/vnd.shop.error+json")))

        #expect(map.entries.count == 9)
        #expect(map.entries[0].location == (try at("name: MemberRefNotFound")))
        #expect(map.entries[0]["status"] == (try at("404")))
        #expect(map.entries[0]["params.memberRef"] == (try at("memberRef: { type")))
        #expect(map.entries[1].location == (try at("name: Unauthorized")))
        #expect(map.entries[1]["headers.Cache-Control"] == (try at("no-store")))
        #expect(map.entries[1]["lint"] == (try at("{ allow: [missing-required-header")))
        #expect(map.entries[2]["message"] == (try at("\"Model has {count}")))
        #expect(map.entries[8].location == (try at("name: TooManyRequests")))
        // A key the entry does not have falls back to the entry.
        #expect(map.entries[8]["message"] == map.entries[8].location)

        #expect(map.groups.map(\.location) == [try at("{ name: Not found"), try at("{ name: Teapot")])
        #expect(map.closeCodes.count == 2)
        #expect(map.closeCodes[0]["reason"] == (try at("rate limit hit")))
        #expect(map.closeCodes[1].location == (try at("{ code: 1008")))
        #expect(map.operations.count == 2)
        #expect(map.operations[0]["id"] == (try at("4, codes")))
        #expect(map.operations[1]["route"] == (try at("\"GET /members/{memberRef}\"")))
        #expect(map.operations[1]["codes.0"] == (try at("- MemberRefNotFound")).movedRight(by: 2))
        #expect(map.operations[1]["codes.1"].line == (try at("- MemberRefNotFound")).line + 1)
    }
}

extension ErrataTools.SourceLocation {
    /// The same place, `count` columns to the right.
    fileprivate func movedRight(by count: Int) -> ErrataTools.SourceLocation {
        ErrataTools.SourceLocation(file: file, line: line, column: column + count)
    }
}
