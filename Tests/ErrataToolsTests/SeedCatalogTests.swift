import Errata
import ErrataCatalogs
import ErrataTools
import HTTPTypes
import Testing

/// The bundled catalogs against the seed documents they describe (`SeedRows`).
@Suite struct SeedCatalogTests {
    struct Seed: Sendable, CustomTestStringConvertible {
        var id: String
        var rows: [SeedRows.Row]
        /// Entries the catalog adds to the page's rows, each documented in `Catalogs/README.md`.
        var extras: [String]

        var testDescription: String { id }
    }

    static let seeds = [
        Seed(id: "blazeauth", rows: SeedRows.blazeauth, extras: []),
        Seed(id: "pluralkit", rows: SeedRows.pluralkit, extras: ["TooManyRequests"]),
        Seed(id: "rest-error-codes", rows: SeedRows.restErrorCodes, extras: []),
        Seed(
            id: "batchdata",
            rows: SeedRows.batchdata,
            extras: [
                "Ok", "BadRequest", "NotFound", "MethodNotAllowed", "Gone", "TooManyRequests", "InternalServerError",
                "BadGateway", "ServiceUnavailable", "GatewayTimeout",
            ]
        ),
    ]

    static func catalog(_ id: String) throws -> ErrorCatalog {
        let path = try #require(BundledCatalogs.path(forID: id))
        let result = CatalogLoader().load(path: path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.catalog)
    }

    @Test func everySeedHasABundledCatalog() {
        #expect(Set(Self.seeds.map(\.id)).isSubset(of: Set(BundledCatalogs.ids)))
        #expect(BundledCatalogs.paths.count == BundledCatalogs.fileNames.count)
    }

    @Test(arguments: BundledCatalogs.ids)
    func bundledCatalogLoadsWithoutDiagnostics(_ id: String) throws {
        let path = try #require(BundledCatalogs.path(forID: id))
        let result = CatalogLoader().load(path: path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let catalog = try #require(result.catalog)
        #expect(catalog.id == id)
        #expect(result.sourceMap.entries.count == catalog.entries.count)
    }

    @Test(arguments: seeds)
    func everySeedRowIsInItsCatalog(_ seed: Seed) throws {
        let catalog = try Self.catalog(seed.id)
        for row in seed.rows {
            guard let entry = catalog.entry(named: row.name) else {
                Issue.record("\(seed.id) has no entry '\(row.name)'")
                continue
            }
            #expect(entry.code?.description == row.code, "\(row.name)")
            // Where the page names no status or message, the catalog chooses one (and says why); where it does,
            // the catalog must say the same.
            if let status = row.status {
                #expect(entry.status?.code == status, "\(row.name)")
            }
            if let message = row.message {
                #expect(entry.message?.source == message, "\(row.name)")
            }
        }
    }

    @Test(arguments: seeds)
    func catalogAddsOnlyItsDocumentedEntries(_ seed: Seed) throws {
        let catalog = try Self.catalog(seed.id)
        #expect(catalog.entries.count == seed.rows.count + seed.extras.count)
        let rowNames = Set(seed.rows.map(\.name))
        let added = catalog.entries.map(\.name).filter { !rowNames.contains($0) }
        #expect(added == seed.extras)
    }

    // MARK: BlazeAuth (seed 000)

    @Test func blazeAuthHasItsNonErrorStatusesAndClientOnlyStatus() throws {
        let catalog = try Self.catalog("blazeauth")
        #expect(catalog.entry(named: "Ok")?.kind == .success)
        #expect(catalog.entry(named: "None")?.kind == .progress)
        #expect(catalog.entry(named: "FileChecksumMismatch")?.origin == .client)
        #expect(catalog.entries.filter { $0.origin == .client }.map(\.name) == ["FileChecksumMismatch"])
        #expect(catalog.entries.filter { $0.kind != .error }.map(\.name) == ["None", "Ok"])
    }

    @Test func blazeAuthIsWebSocketOnly() throws {
        let catalog = try Self.catalog("blazeauth")
        // Statuses travel in {"id", "status"} packets, with no HTTP status and no message.
        #expect(catalog.entries.allSatisfy { $0.status == nil && $0.message == nil })
        #expect(catalog.entries.allSatisfy { $0.code?.integerValue != nil })
    }

    @Test func blazeAuthClosesWith4201OnRateLimit() throws {
        let catalog = try Self.catalog("blazeauth")
        #expect(catalog.closeCodes.count == 1)
        let close = try #require(catalog.closeCode(named: "RateLimitHit"))
        #expect(close.code.rawValue == 4201)
        #expect(close.reason == "rate limit hit")
        #expect(close.retry == .after)
        // 4201 is a close code, not a status: no entry uses it.
        #expect(catalog.entries(withCode: 4201).isEmpty)
    }

    // MARK: PluralKit (seed 001)

    @Test func pluralKitSharesCodeZeroAcrossStatuses() throws {
        let catalog = try Self.catalog("pluralkit")
        let zero = catalog.entries(withCode: 0)
        let statuses = zero.compactMap { $0.status?.code }
        for status in [400, 401, 403, 500] {
            #expect(statuses.contains(status), "no code-0 entry on \(status)")
        }
        // The fifth is the documented extra, TooManyRequests on 429.
        #expect(statuses.sorted() == [400, 401, 403, 429, 500])
        #expect(Set(zero.map(\.name)).count == zero.count)
        // Each shares the code on purpose, and says so.
        #expect(zero.allSatisfy { $0.lintAllowances?.rules.contains("shared-code") == true })
    }

    @Test func pluralKitMessagesAreTemplates() throws {
        let catalog = try Self.catalog("pluralkit")
        let entry = try #require(catalog.entry(named: "MemberRefNotFound"))
        #expect(entry.message?.parameterNames == ["memberRef"])
        #expect(entry.parameters.map(\.name) == ["memberRef"])
        #expect(try entry.message?.render(["memberRef": "abc"]) == "Member 'abc' not found.")
    }

    // MARK: REST error codes (seed 002)

    @Test func restErrorCodesAlwaysRendersDetails() throws {
        let catalog = try Self.catalog("rest-error-codes")
        guard case .object(let members) = catalog.envelope.body else {
            Issue.record("the envelope body is not an object: \(String(describing: catalog.envelope.body))")
            return
        }
        #expect(members.map(\.key) == ["error_code", "error_message", "details"])
        // A non-optional `{details}`: the member is written, as null, even when an error carries no details.
        let details = try #require(members.first { $0.key == "details" })
        #expect(details.value == .value(MessageTemplate.Placeholder(name: "details", isOptional: false)))
    }

    // MARK: BatchData (seed 004)

    @Test func batchDataTellsItsForbiddenEntriesApartByMessage() throws {
        let catalog = try Self.catalog("batchdata")
        #expect(catalog.entries.allSatisfy { $0.code == nil })
        let forbidden = catalog.entries(withStatus: 403)
        #expect(
            forbidden.map(\.name) == [
                "AccountDisabled", "InsufficientBalance", "TokenDisabled", "InsufficientPermissions",
            ]
        )
        let messages = forbidden.compactMap { $0.message?.source }
        #expect(messages.count == forbidden.count)
        #expect(Set(messages).count == messages.count)
    }
}
