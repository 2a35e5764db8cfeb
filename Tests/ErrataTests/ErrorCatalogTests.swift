import Errata
import HTTPTypes
import Testing

@Suite struct ErrorCatalogTests {
    static func entry(
        _ name: String,
        code: ErrorCode? = nil,
        status: Int? = nil,
        message: String? = nil,
        group: String? = nil
    ) -> ErrorEntry {
        ErrorEntry(
            name: name,
            code: code,
            status: status.map { HTTPResponse.Status(code: $0) },
            message: message.map { try! MessageTemplate($0) },
            group: group
        )
    }

    /// A catalog in the shape of the seeds: code 0 on several statuses (PluralKit), code-less entries told apart
    /// by message on one status (BatchData), string codes, groups and a duplicate name.
    static let catalog = ErrorCatalog(
        id: "lookups",
        title: "Lookups",
        groups: [
            CodeGroup(name: "General", codes: 0...0),
            CodeGroup(name: "Not found", codes: 20001...20999),
            CodeGroup(name: "Wide", codes: 20000...29999),
            CodeGroup(name: "Named only", codes: 90000...90000),
        ],
        entries: [
            entry("InternalServerError", code: 0, status: 500),
            entry("BadRequest", code: 0, status: 400),
            entry("Unauthorized", code: 0, status: 401),
            entry("MemberRefNotFound", code: 20003, status: 404, message: "Member '{memberRef}' not found."),
            entry("SystemNotFound", code: 20001, status: 404),
            entry("AccountDisabled", status: 403, message: "Account is disabled"),
            entry("InsufficientBalance", status: 403, message: "Insufficient balance"),
            entry("StringCode", code: "NOT_FOUND", status: 404),
            entry("StringZero", code: "0", status: 400),
            entry("Wide", code: 25000, status: 404),
            entry("ExplicitGroup", code: 20002, status: 404, group: "Named only"),
            entry("UnknownGroup", code: 20004, status: 404, group: "Nowhere"),
            entry("WebSocketOnly", code: 100),
            entry("BadRequest", code: 1, status: 422),
        ],
        closeCodes: [CloseCodeEntry(code: 4201, name: "RateLimitHit", reason: "rate limit hit", retry: .after)],
        operations: [Operation(name: "GetMember", route: "GET /members/{memberRef}", codes: ["MemberRefNotFound"])]
    )

    // MARK: entry(named:)

    @Test(arguments: ["InternalServerError", "MemberRefNotFound", "AccountDisabled", "WebSocketOnly"])
    func findsAnEntryByName(name: String) throws {
        let entry = try #require(Self.catalog.entry(named: name))
        #expect(entry.name == name)
        #expect(entry == Self.catalog.entries.first { $0.name == name })
    }

    @Test func findsTheFirstEntryWhenTwoShareAName() throws {
        let entry = try #require(Self.catalog.entry(named: "BadRequest"))
        #expect(entry.code == 0)
        #expect(entry.status == .badRequest)
    }

    @Test(arguments: ["", "badrequest", "BadRequest ", "Nowhere", "RateLimitHit", "GetMember"])
    func findsNoEntryForAnUnknownName(name: String) {
        #expect(Self.catalog.entry(named: name) == nil)
    }

    // MARK: entries(withCode:)

    static let byCode: [(code: ErrorCode, names: [String])] = [
        (0, ["InternalServerError", "BadRequest", "Unauthorized"]),
        (20003, ["MemberRefNotFound"]),
        ("NOT_FOUND", ["StringCode"]),
        // An integer and a string code are different codes on the wire, even with the same digits.
        ("0", ["StringZero"]),
        (100, ["WebSocketOnly"]),
        (404, []),
        (42, []),
    ]

    @Test(arguments: byCode)
    func findsEntriesByCodeInCatalogOrder(code: ErrorCode, names: [String]) {
        #expect(Self.catalog.entries(withCode: code).map(\.name) == names)
    }

    // MARK: entries(withStatus:)

    static let byStatus: [(status: Int, names: [String])] = [
        (403, ["AccountDisabled", "InsufficientBalance"]),
        (404, ["MemberRefNotFound", "SystemNotFound", "StringCode", "Wide", "ExplicitGroup", "UnknownGroup"]),
        (400, ["BadRequest", "StringZero"]),
        (422, ["BadRequest"]),
        (500, ["InternalServerError"]),
        (200, []),
        (429, []),
    ]

    @Test(arguments: byStatus)
    func findsEntriesByStatusInCatalogOrder(status: Int, names: [String]) {
        #expect(Self.catalog.entries(withStatus: status).map(\.name) == names)
    }

    @Test func entriesWithoutAStatusAreFoundByCodeOnly() {
        #expect(!Self.catalog.entries.contains { $0.status == nil && $0.name != "WebSocketOnly" })
        for status in 100...599 {
            #expect(!Self.catalog.entries(withStatus: status).contains { $0.name == "WebSocketOnly" })
        }
    }

    // MARK: group(of:)

    static let groups: [(entry: String, group: String?)] = [
        ("InternalServerError", "General"),
        ("SystemNotFound", "Not found"),
        ("MemberRefNotFound", "Not found"),
        // 25000 is only in the second range that holds it.
        ("Wide", "Wide"),
        // An entry that names its group is in that group, whatever its code.
        ("ExplicitGroup", "Named only"),
        // A named group the catalog does not declare is not replaced by a range match (lint reports it).
        ("UnknownGroup", nil),
        // String codes and entries without a code fall in no range.
        ("StringCode", nil),
        ("StringZero", nil),
        ("AccountDisabled", nil),
        ("WebSocketOnly", nil),
    ]

    @Test(arguments: groups)
    func findsTheGroupAnEntryNamesElseTheFirstRangeHoldingItsCode(entry name: String, group: String?) throws {
        let entry = try #require(Self.catalog.entry(named: name))
        #expect(Self.catalog.group(of: entry)?.name == group)
    }

    @Test func firstDeclaredRangeWinsWhenRangesOverlap() throws {
        // 20001 is in both "Not found" (20001...20999) and "Wide" (20000...29999); "Not found" comes first.
        let entry = try #require(Self.catalog.entry(named: "SystemNotFound"))
        #expect(Self.catalog.group(of: entry) == CodeGroup(name: "Not found", codes: 20001...20999))
        let reordered = ErrorCatalog(
            id: "reordered",
            title: "Reordered",
            groups: Self.catalog.groups.reversed(),
            entries: [entry]
        )
        #expect(reordered.group(of: entry)?.name == "Wide")
    }

    @Test func findsNoGroupInACatalogWithoutGroups() {
        let catalog = ErrorCatalog(id: "plain", title: "Plain", entries: Self.catalog.entries)
        for entry in catalog.entries {
            #expect(catalog.group(of: entry) == nil)
        }
    }

    // MARK: Close codes and operations

    @Test func findsCloseCodesAndOperationsByName() {
        #expect(Self.catalog.closeCode(named: "RateLimitHit")?.code == 4201)
        #expect(Self.catalog.closeCode(named: "MemberRefNotFound") == nil)
        #expect(Self.catalog.operation(named: "GetMember")?.codes == ["MemberRefNotFound"])
        #expect(Self.catalog.operation(named: "RateLimitHit") == nil)
    }

    @Test func anEmptyCatalogFindsNothing() {
        let catalog = ErrorCatalog(id: "empty", title: "Empty", entries: [])
        #expect(catalog.entry(named: "Anything") == nil)
        #expect(catalog.entries(withCode: 0).isEmpty)
        #expect(catalog.entries(withStatus: 404).isEmpty)
        #expect(catalog.group(of: Self.entry("Orphan", code: 1, status: 400)) == nil)
    }
}
