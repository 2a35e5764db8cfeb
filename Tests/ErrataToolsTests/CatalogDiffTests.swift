import Errata
import ErrataCatalogs
import ErrataTools
import Testing

/// An old and a new catalog body, and exactly the changes a diff of them must report.
struct DiffFixture: Sendable, CustomTestStringConvertible {
    var rule: String
    var old: String
    var new: String
    var expected: [Expected]

    struct Expected: Sendable, Equatable, CustomStringConvertible {
        var grade: ChangeGrade
        var message: String

        var description: String { "\(grade): \(message)" }
    }

    init(_ rule: String, old: String, new: String, _ expected: [(ChangeGrade, String)]) {
        self.rule = rule
        self.old = old
        self.new = new
        self.expected = expected.map { Expected(grade: $0.0, message: $0.1) }
    }

    var testDescription: String { rule }
}

@Suite struct CatalogDiffTests {
    /// A catalog with the required top-level keys, the given version, and `body` after them.
    static func text(version: String = "1.0.0", _ body: String) -> String {
        """
        errata: 1
        id: diff-fixture
        title: Diff fixture
        version: "\(version)"

        """ + body
    }

    static func load(_ text: String, path: String) throws -> ErrorCatalog {
        let loaded = CatalogLoader().load(text: text, path: path)
        let problems = loaded.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
        return try #require(loaded.catalog, Comment(rawValue: problems))
    }

    static func diff(
        _ old: String,
        _ new: String,
        oldVersion: String = "1.0.0",
        newVersion: String = "1.0.0"
    ) throws -> CatalogDiff {
        CatalogDiff.compare(
            try load(text(version: oldVersion, old), path: "old.errata.yaml"),
            try load(text(version: newVersion, new), path: "new.errata.yaml")
        )
    }

    static func check(_ fixture: DiffFixture) throws {
        let diff = try diff(fixture.old, fixture.new)
        let found = diff.changes.map { DiffFixture.Expected(grade: $0.grade, message: $0.message) }
        #expect(found == fixture.expected)
    }

    // MARK: Fixtures

    static let memberNotFound = """
        codes:
          - name: MemberRefNotFound
            code: 20003
            status: 404
            message: "Member '{memberRef}' not found."

        """

    static let majorChanges: [DiffFixture] = [
        DiffFixture(
            "an entry removed",
            old: """
                codes:
                  - { name: MemberRefNotFound, code: 20003, status: 404 }
                  - { name: GroupNotFound, code: 20004, status: 404 }
                """,
            new: """
                codes:
                  - { name: GroupNotFound, code: 20004, status: 404 }
                """,
            [(.major, "entry 'MemberRefNotFound': removed (was code 20003, status 404)")]
        ),
        DiffFixture(
            "an entry renamed: removed and added with the same code and status",
            old: "codes:\n  - { name: MemberNotFound, code: 20003, status: 404 }\n",
            new: "codes:\n  - { name: MemberRefNotFound, code: 20003, status: 404 }\n",
            [(.major, "entry 'MemberNotFound': renamed to 'MemberRefNotFound' (same code 20003, status 404)")]
        ),
        DiffFixture(
            "a code changed",
            old: "codes:\n  - { name: MemberRefNotFound, code: 20003, status: 404 }\n",
            new: "codes:\n  - { name: MemberRefNotFound, code: 20030, status: 404 }\n",
            [(.major, "entry 'MemberRefNotFound': code changed from 20003 to 20030")]
        ),
        DiffFixture(
            "a status changed",
            old: "codes:\n  - { name: MemberRefNotFound, code: 20003, status: 404 }\n",
            new: "codes:\n  - { name: MemberRefNotFound, code: 20003, status: 410 }\n",
            [(.major, "entry 'MemberRefNotFound': status changed from 404 to 410")]
        ),
        DiffFixture(
            "an entry's own docs, its problem type, changed",
            old: "codes:\n  - { name: Gone, status: 410, docs: \"https://example.com/probs/gone\" }\n",
            new: "codes:\n  - { name: Gone, status: 410, docs: \"https://example.com/probs/removed\" }\n",
            [
                (
                    .major,
                    "entry 'Gone': docs (its problem type) changed from \"https://example.com/probs/gone\" to "
                        + "\"https://example.com/probs/removed\""
                )
            ]
        ),
        DiffFixture(
            "another status added to an entry",
            old: "codes:\n  - { name: RateLimited, status: 403, message: Slow down. }\n",
            new: "codes:\n  - { name: RateLimited, status: 403, otherStatuses: [429], message: Slow down. }\n",
            [
                (
                    .minor,
                    "entry 'RateLimited': also sent with status 429 now; clients with the old catalog do not "
                        + "recognise it there"
                )
            ]
        ),
        DiffFixture(
            "another status removed from an entry",
            old: "codes:\n  - { name: RateLimited, status: 403, otherStatuses: [429], message: Slow down. }\n",
            new: "codes:\n  - { name: RateLimited, status: 403, message: Slow down. }\n",
            [(.patch, "entry 'RateLimited': no longer sent with status 429")]
        ),
        DiffFixture(
            "a message parameter removed",
            old: memberNotFound,
            new: memberNotFound.replacing("Member '{memberRef}' not found.", with: "Member not found."),
            [
                (.major, "entry 'MemberRefNotFound': parameter 'memberRef' removed"),
                (
                    .major,
                    "entry 'MemberRefNotFound': message changed from \"Member '{memberRef}' not found.\" to "
                        + "\"Member not found.\", dropping parameter 'memberRef'"
                ),
            ]
        ),
        DiffFixture(
            "a message parameter renamed",
            old: memberNotFound,
            new: memberNotFound.replacing("{memberRef}", with: "{member}"),
            [
                (.major, "entry 'MemberRefNotFound': parameter 'memberRef' renamed to 'member'"),
                (
                    .major,
                    "entry 'MemberRefNotFound': message changed from \"Member '{memberRef}' not found.\" to "
                        + "\"Member '{member}' not found.\", dropping parameter 'memberRef' and adding parameter "
                        + "'member'"
                ),
            ]
        ),
        DiffFixture(
            "a header parameter removed",
            old: """
                codes:
                  - name: MethodNotAllowed
                    status: 405
                    headers: { Allow: "{allowedMethods}" }
                """,
            new: """
                codes:
                  - name: MethodNotAllowed
                    status: 405
                    headers: { Allow: "GET" }
                """,
            [
                (.major, "entry 'MethodNotAllowed': parameter 'allowedMethods' removed"),
                (
                    .major,
                    "entry 'MethodNotAllowed': header 'Allow' value changed from \"{allowedMethods}\" to \"GET\", "
                        + "dropping parameter 'allowedMethods'"
                ),
            ]
        ),
        DiffFixture(
            "a declared parameter's type changed",
            old: memberNotFound + "    params: { memberRef: { type: string } }\n",
            new: memberNotFound + "    params: { memberRef: { type: integer } }\n",
            [(.major, "entry 'MemberRefNotFound': parameter 'memberRef' type changed from string to integer")]
        ),
        DiffFixture(
            "a parameter fixed at a constant",
            old: memberNotFound + "    params: { memberRef: { type: string } }\n",
            new: memberNotFound + "    params: { memberRef: { const: me } }\n",
            [(.major, "entry 'MemberRefNotFound': parameter 'memberRef' fixed at 'me'")]
        ),
        DiffFixture(
            "a parameter's constant changed",
            old: memberNotFound + "    params: { memberRef: { const: me } }\n",
            new: memberNotFound + "    params: { memberRef: { const: you } }\n",
            [(.major, "entry 'MemberRefNotFound': parameter 'memberRef' constant changed from 'me' to 'you'")]
        ),
        DiffFixture(
            "a parameter's constant freed",
            old: memberNotFound + "    params: { memberRef: { const: me } }\n",
            new: memberNotFound + "    params: { memberRef: {} }\n",
            [(.major, "entry 'MemberRefNotFound': parameter 'memberRef' no longer fixed at 'me'")]
        ),
        DiffFixture(
            "an envelope member renamed",
            old: """
                envelope:
                  format: json
                  body: { error_code: "{code}", error_message: "{message}" }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", error_message: "{message}" }
                codes: []
                """,
            [(.major, "envelope: member 'error_code' renamed to 'code' (same value \"{code}\")")]
        ),
        DiffFixture(
            "an envelope member removed",
            old: """
                envelope:
                  format: json
                  body: { error_code: "{code}", details: "{details}" }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { error_code: "{code}" }
                codes: []
                """,
            [(.major, "envelope: member 'details' removed (was \"{details}\")")]
        ),
        DiffFixture(
            "a nested envelope member's placeholder changed",
            old: """
                envelope:
                  format: json
                  body: { status: { code: "{status}", text: "{reason}" } }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { status: { code: "{code}", text: "{reason}" } }
                codes: []
                """,
            [(.major, "envelope: member 'status.code' changed from \"{status}\" to \"{code}\"")]
        ),
        DiffFixture(
            "an always-present envelope member made optional",
            old: """
                envelope:
                  format: json
                  body: { error_code: "{code}", details: "{details}" }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { error_code: "{code}", details: "{details?}" }
                codes: []
                """,
            [(.major, "envelope: member 'details' may now be left out (\"{details}\" became \"{details?}\")")]
        ),
        DiffFixture(
            "an envelope object made optional when empty",
            old: """
                envelope:
                  format: json
                  body: { code: "{code}", details: { name: "{params.name?}" } }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", details?: { name: "{params.name?}" } }
                codes: []
                """,
            [(.major, "envelope: member 'details' may now be left out when empty ('details' became 'details?')")]
        ),
        DiffFixture(
            "an optional envelope object made always present",
            old: """
                envelope:
                  format: json
                  body: { code: "{code}", details?: { name: "{params.name?}" } }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", details: { name: "{params.name?}" } }
                codes: []
                """,
            [(.minor, "envelope: member 'details' is now always present ('details?' became 'details')")]
        ),
        DiffFixture(
            "a documented field error attribute value added and one removed",
            old: """
                envelope:
                  format: json
                  body: { code: "{code}", errors: "{errors?}" }
                  fieldErrors:
                    layout: list
                    item: { field: "{field}", code: "{attributes.code}" }
                    attributes: { code: { values: [missing, invalid] } }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", errors: "{errors?}" }
                  fieldErrors:
                    layout: list
                    item: { field: "{field}", code: "{attributes.code}" }
                    attributes: { code: { values: [missing, already_exists] } }
                codes: []
                """,
            [
                (
                    .minor,
                    "envelope: field error attribute 'code' documents a new value 'already_exists'; clients that "
                        + "treat the documented values as a closed set will reject it"
                ),
                (.patch, "envelope: field error attribute 'code' no longer documents value 'invalid'"),
            ]
        ),
        DiffFixture(
            "a documented parameter value added",
            old:
                "codes:\n  - { name: Declined, code: 1, message: \"{reason}\", params: { reason: { values: [a] } } }\n",
            new:
                "codes:\n  - { name: Declined, code: 1, message: \"{reason}\", params: { reason: { values: [a, b] } } }\n",
            [
                (
                    .minor,
                    "entry 'Declined': parameter 'reason' documents a new value 'b'; clients that treat the documented "
                        + "values as a closed set will reject it"
                )
            ]
        ),
        DiffFixture(
            "a retry header added",
            old: "codes: []\n",
            new: "retryHeader: Stripe-Should-Retry\ncodes: []\n",
            [(.minor, "catalog: retry header changed from none to \"Stripe-Should-Retry\"")]
        ),
        DiffFixture(
            "tagged objects of an optional array reordered",
            old: """
                envelope:
                  format: json
                  body: { code: "{code}", details?: [{ t: a, x: "{instance?}" }, { t: b, y: "{requestID?}" }] }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", details?: [{ t: b, y: "{requestID?}" }, { t: a, x: "{instance?}" }] }
                codes: []
                """,
            []
        ),
        DiffFixture(
            "a tagged object added to an optional array",
            old: """
                envelope:
                  format: json
                  body: { code: "{code}", details?: [{ t: a, x: "{instance?}" }] }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", details?: [{ t: a, x: "{instance?}" }, { t: b, y: "{requestID?}" }] }
                codes: []
                """,
            [
                (.minor, "envelope: member 'details[t=b].t' added (\"b\")"),
                (.minor, "envelope: member 'details[t=b].y' added (\"{requestID?}\")"),
            ]
        ),
        DiffFixture(
            "a tagged object's member changed",
            old: """
                envelope:
                  format: json
                  body: { code: "{code}", details?: [{ t: a, x: "{instance?}" }, { t: b, y: "{requestID?}" }] }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", details?: [{ t: a, x: "{instance?}" }, { t: b, y: "{details?}" }] }
                codes: []
                """,
            [(.major, "envelope: member 'details[t=b].y' changed from \"{requestID?}\" to \"{details?}\"")]
        ),
        DiffFixture(
            "the envelope format changed from problem to json",
            old: "codes: []\n",
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", message: "{message}" }
                codes: []
                """,
            [(.major, "envelope: format changed from problem to json")]
        ),
        DiffFixture(
            "the field errors layout changed",
            old: """
                envelope:
                  format: problem
                  fieldErrors: { layout: map, item: { message: "{message}" } }
                codes: []
                """,
            new: """
                envelope:
                  format: problem
                  fieldErrors: { layout: list, item: { message: "{message}" } }
                codes: []
                """,
            [(.major, "envelope: field errors layout changed from map to list")]
        ),
        DiffFixture(
            "a field error item member removed",
            old: """
                envelope:
                  format: problem
                  fieldErrors:
                    layout: map
                    item: { message: "{message}", max_length: "{attributes.max_length?}" }
                codes: []
                """,
            new: """
                envelope:
                  format: problem
                  fieldErrors:
                    layout: map
                    item: { message: "{message}" }
                codes: []
                """,
            [(.major, "envelope: field error member 'max_length' removed (was \"{attributes.max_length?}\")")]
        ),
        DiffFixture(
            "retry tightened from immediately to after",
            old: "codes:\n  - { name: Conflict, code: 1, status: 409, retry: immediately }\n",
            new: "codes:\n  - { name: Conflict, code: 1, status: 409, retry: after }\n",
            [(.major, "entry 'Conflict': retry tightened from immediately to after")]
        ),
        DiffFixture(
            "retry tightened from after to never",
            old: "codes:\n  - { name: Busy, code: 1, status: 503, retry: after }\n",
            new: "codes:\n  - { name: Busy, code: 1, status: 503 }\n",
            [(.major, "entry 'Busy': retry tightened from after to never")]
        ),
        DiffFixture(
            "a close code's number changed",
            old: "codes: []\ncloseCodes:\n  - { code: 4201, name: RateLimitHit }\n",
            new: "codes: []\ncloseCodes:\n  - { code: 4202, name: RateLimitHit }\n",
            [(.major, "close code 'RateLimitHit': code changed from 4201 to 4202")]
        ),
        DiffFixture(
            "a close code removed",
            old: "codes: []\ncloseCodes:\n  - { code: 4201, name: RateLimitHit }\n",
            new: "codes: []\n",
            [(.major, "close code 'RateLimitHit': removed (was 4201)")]
        ),
        DiffFixture(
            "an operation losing a code",
            old: """
                codes:
                  - { name: MemberRefNotFound, code: 20003, status: 404 }
                  - { name: Unauthorized, code: 0, status: 401 }
                operations:
                  - { name: GetMember, codes: [MemberRefNotFound, Unauthorized] }
                """,
            new: """
                codes:
                  - { name: MemberRefNotFound, code: 20003, status: 404 }
                  - { name: Unauthorized, code: 0, status: 401 }
                operations:
                  - { name: GetMember, codes: [Unauthorized] }
                """,
            [(.major, "operation 'GetMember': no longer answers with 'MemberRefNotFound'")]
        ),
        DiffFixture(
            "an operation removed",
            old: """
                codes:
                  - { name: MemberRefNotFound, code: 20003, status: 404 }
                operations:
                  - { name: GetMember, codes: [MemberRefNotFound] }
                """,
            new: "codes:\n  - { name: MemberRefNotFound, code: 20003, status: 404 }\n",
            [(.major, "operation 'GetMember': removed")]
        ),
        DiffFixture(
            "origin changed from server to client",
            old: "codes:\n  - { name: FileChecksumMismatch, code: 303 }\n",
            new: "codes:\n  - { name: FileChecksumMismatch, code: 303, origin: client }\n",
            [(.major, "entry 'FileChecksumMismatch': origin changed from server to client: servers no longer send it")]
        ),
        DiffFixture(
            "kind changed",
            old: "codes:\n  - { name: None, code: 0 }\n",
            new: "codes:\n  - { name: None, code: 0, kind: reserved }\n",
            [(.major, "entry 'None': kind changed from error to reserved")]
        ),
        DiffFixture(
            "per-field errors no longer carried",
            old: "codes:\n  - { name: Invalid, code: 40001, status: 400, fields: true }\n",
            new: "codes:\n  - { name: Invalid, code: 40001, status: 400 }\n",
            [(.major, "entry 'Invalid': no longer carries per-field errors")]
        ),
    ]

    static let minorChanges: [DiffFixture] = [
        DiffFixture(
            "an entry added",
            old: "codes:\n  - { name: MemberRefNotFound, code: 20003, status: 404 }\n",
            new: """
                codes:
                  - { name: MemberRefNotFound, code: 20003, status: 404 }
                  - { name: GroupNotFound, code: 20004, status: 404 }
                """,
            [
                (
                    .minor,
                    "entry 'GroupNotFound': added (code 20004, status 404); new code 20004 breaks clients that treat "
                        + "the codes as a closed set (a generated enum)"
                )
            ]
        ),
        DiffFixture(
            "a parameter added",
            old: memberNotFound,
            new: memberNotFound.replacing("not found.", with: "not found in system '{systemRef}'."),
            [
                (.minor, "entry 'MemberRefNotFound': parameter 'systemRef' added"),
                (
                    .minor,
                    "entry 'MemberRefNotFound': message changed from \"Member '{memberRef}' not found.\" to "
                        + "\"Member '{memberRef}' not found in system '{systemRef}'.\", adding parameter 'systemRef'"
                ),
            ]
        ),
        DiffFixture(
            "a close code added",
            old: "codes: []\ncloseCodes:\n  - { code: 4201, name: RateLimitHit }\n",
            new:
                "codes: []\ncloseCodes:\n  - { code: 4201, name: RateLimitHit }\n  - { code: 4202, name: SessionExpired }\n",
            [(.minor, "close code 'SessionExpired': added (4202)")]
        ),
        DiffFixture(
            "an operation added",
            old: "codes:\n  - { name: MemberRefNotFound, code: 20003, status: 404 }\n",
            new: """
                codes:
                  - { name: MemberRefNotFound, code: 20003, status: 404 }
                operations:
                  - { name: GetMember, route: "GET /members/{memberRef}", codes: [MemberRefNotFound] }
                """,
            [(.minor, "operation 'GetMember': added")]
        ),
        DiffFixture(
            "an operation gaining a code",
            old: """
                codes:
                  - { name: MemberRefNotFound, code: 20003, status: 404 }
                  - { name: Unauthorized, code: 0, status: 401 }
                operations:
                  - { name: GetMember, codes: [MemberRefNotFound] }
                """,
            new: """
                codes:
                  - { name: MemberRefNotFound, code: 20003, status: 404 }
                  - { name: Unauthorized, code: 0, status: 401 }
                operations:
                  - { name: GetMember, codes: [MemberRefNotFound, Unauthorized] }
                """,
            [(.minor, "operation 'GetMember': may now answer with 'Unauthorized'")]
        ),
        DiffFixture(
            "a deprecation",
            old: "codes:\n  - { name: LegacyToken, code: 7, status: 401 }\n",
            new: "codes:\n  - { name: LegacyToken, code: 7, status: 401, deprecated: true }\n",
            [(.minor, "entry 'LegacyToken': deprecated")]
        ),
        DiffFixture(
            "retry loosened",
            old: "codes:\n  - { name: Busy, code: 1, status: 503 }\n",
            new: "codes:\n  - { name: Busy, code: 1, status: 503, retry: after }\n",
            [(.minor, "entry 'Busy': retry loosened from never to after")]
        ),
        DiffFixture(
            "an optional envelope member added",
            old: """
                envelope:
                  format: json
                  body: { code: "{code}", message: "{message}" }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", message: "{message}", retry_after: "{retryAfterMilliseconds?}" }
                codes: []
                """,
            [(.minor, "envelope: member 'retry_after' added (\"{retryAfterMilliseconds?}\")")]
        ),
        DiffFixture(
            "a new envelope member added",
            old: "codes: []\n",
            new: """
                envelope:
                  format: problem
                  extensions: { requestId: "{requestID}" }
                codes: []
                """,
            [(.minor, "envelope: extension member 'requestId' added (\"{requestID}\")")]
        ),
        DiffFixture(
            "an optional envelope member made always present",
            old: """
                envelope:
                  format: json
                  body: { code: "{code}", details: "{details?}" }
                codes: []
                """,
            new: """
                envelope:
                  format: json
                  body: { code: "{code}", details: "{details}" }
                codes: []
                """,
            [(.minor, "envelope: member 'details' is now always present (\"{details?}\" became \"{details}\")")]
        ),
    ]

    static let patchChanges: [DiffFixture] = [
        DiffFixture(
            "message wording changed with the same parameters",
            old: memberNotFound,
            new: memberNotFound.replacing("Member '{memberRef}' not found.", with: "No member '{memberRef}'."),
            [
                (
                    .patch,
                    "entry 'MemberRefNotFound': message wording changed from \"Member '{memberRef}' not found.\" to "
                        + "\"No member '{memberRef}'.\""
                )
            ]
        ),
        DiffFixture(
            "description changed",
            old: "codes:\n  - { name: Gone, code: 1, status: 410, description: Removed for good. }\n",
            new: "codes:\n  - { name: Gone, code: 1, status: 410, description: Deleted. }\n",
            [(.patch, "entry 'Gone': description changed from \"Removed for good.\" to \"Deleted.\"")]
        ),
        DiffFixture(
            "title changed",
            old: "codes:\n  - { name: Gone, code: 1, status: 410, title: Gone }\n",
            new: "codes:\n  - { name: Gone, code: 1, status: 410, title: Deleted }\n",
            [(.patch, "entry 'Gone': title changed from \"Gone\" to \"Deleted\"")]
        ),
        DiffFixture(
            "docs link template changed",
            old: "docs: https://example.com/errors#{code}\ncodes: []\n",
            new: "docs: https://example.com/docs/errors/{code}\ncodes: []\n",
            [
                (
                    .patch,
                    "catalog: docs link changed from \"https://example.com/errors#{code}\" to "
                        + "\"https://example.com/docs/errors/{code}\""
                )
            ]
        ),
        DiffFixture(
            "an entry's group changed",
            old: """
                groups:
                  - { name: Not found, codes: "20001...20999" }
                  - { name: Gone, codes: "21001...21999" }
                codes:
                  - { name: MemberGone, code: 20005, status: 410, group: Not found }
                """,
            new: """
                groups:
                  - { name: Not found, codes: "20001...20999" }
                  - { name: Gone, codes: "21001...21999" }
                codes:
                  - { name: MemberGone, code: 20005, status: 410 }
                """,
            [(.patch, "entry 'MemberGone': group changed from \"Not found\" to none")]
        ),
        DiffFixture(
            "a group's range changed",
            old: "groups:\n  - { name: Not found, codes: \"20001...20999\" }\ncodes: []\n",
            new: "groups:\n  - { name: Not found, codes: \"20001...20499\" }\ncodes: []\n",
            [(.patch, "catalog: group 'Not found' codes changed from 20001...20999 to 20001...20499")]
        ),
        DiffFixture(
            "header value wording changed with the same parameters",
            old: """
                codes:
                  - name: MemberRefNotFound
                    status: 404
                    headers: { X-Error-Hint: "check the member id {memberRef}" }
                """,
            new: """
                codes:
                  - name: MemberRefNotFound
                    status: 404
                    headers: { X-Error-Hint: "check the member reference {memberRef}" }
                """,
            [
                (
                    .patch,
                    "entry 'MemberRefNotFound': header 'X-Error-Hint' value wording changed from "
                        + "\"check the member id {memberRef}\" to \"check the member reference {memberRef}\""
                )
            ]
        ),
    ]

    // MARK: Grading

    @Test(arguments: majorChanges)
    func gradesBreakingChangesMajor(_ fixture: DiffFixture) throws {
        try Self.check(fixture)
    }

    @Test(arguments: minorChanges)
    func gradesAdditionsMinor(_ fixture: DiffFixture) throws {
        try Self.check(fixture)
    }

    @Test(arguments: patchChanges)
    func gradesWordingAndDocumentationPatch(_ fixture: DiffFixture) throws {
        try Self.check(fixture)
    }

    @Test func identicalCatalogsHaveNoChanges() throws {
        let diff = try Self.diff(Self.memberNotFound, Self.memberNotFound)
        #expect(diff.changes.isEmpty)
        #expect(diff.requiredBump == nil)
        #expect(diff.isVersionBumpSufficient)
    }

    @Test(arguments: BundledCatalogs.ids)
    func aBundledCatalogComparedWithItselfHasNoChanges(_ id: String) throws {
        let path = try #require(BundledCatalogs.path(forID: id))
        let catalog = try #require(CatalogLoader().load(path: path).catalog)
        #expect(CatalogDiff.compare(catalog, catalog).changes.isEmpty)
    }

    @Test func renamedEntriesAreFollowedByOperations() throws {
        let diff = try Self.diff(
            """
            codes:
              - { name: MemberNotFound, code: 20003, status: 404, title: Not found }
            operations:
              - { name: GetMember, codes: [MemberNotFound] }
            """,
            """
            codes:
              - { name: MemberRefNotFound, code: 20003, status: 404, title: Member not found }
            operations:
              - { name: GetMember, codes: [MemberRefNotFound] }
            """
        )
        #expect(
            diff.changes.map(\.message) == [
                "entry 'MemberNotFound': renamed to 'MemberRefNotFound' (same code 20003, status 404)",
                "entry 'MemberRefNotFound': title changed from \"Not found\" to \"Member not found\"",
            ]
        )
        #expect(diff.changes.map(\.subject) == [.entry("MemberNotFound"), .entry("MemberRefNotFound")])
    }

    @Test func entriesWithADifferentStatusAreNotARename() throws {
        let diff = try Self.diff(
            "codes:\n  - { name: MemberNotFound, code: 20003, status: 404 }\n",
            "codes:\n  - { name: MemberGone, code: 20003, status: 410 }\n"
        )
        #expect(
            diff.changes.map(\.description) == [
                "major: entry 'MemberNotFound': removed (was code 20003, status 404)",
                "minor: entry 'MemberGone': added (code 20003, status 410)",
            ]
        )
    }

    /// A new code is compatible for clients that treat unknown codes as unrecognised, and the diff says which clients
    /// it breaks: those generated with the codes as a closed enum (swift-openapi-generator#608).
    @Test func newCodeSaysItBreaksClientsWithAClosedSetOfCodes() throws {
        let diff = try Self.diff(
            "codes:\n  - { name: NotFound, code: NOT_FOUND, status: 404 }\n",
            "codes:\n  - { name: NotFound, code: NOT_FOUND, status: 404 }\n  - { name: Gone, code: GONE, status: 410 }\n"
        )
        #expect(
            diff.changes.map(\.description) == [
                "minor: entry 'Gone': added (code GONE, status 410); new code GONE breaks clients that treat the "
                    + "codes as a closed set (a generated enum)"
            ]
        )
    }

    @Test func listsChangesMostSevereFirst() throws {
        let diff = try Self.diff(
            """
            codes:
              - { name: A, code: 1, status: 400, title: Old }
              - { name: B, code: 2, status: 404 }
            """,
            """
            codes:
              - { name: A, code: 1, status: 400, title: New }
              - { name: B, code: 2, status: 410 }
              - { name: C, code: 3, status: 409 }
            """
        )
        #expect(diff.changes.map(\.grade) == [.major, .minor, .patch])
        #expect(diff.requiredBump == .major)
        #expect(diff.count(of: .minor) == 1)
    }

    // MARK: Versions

    struct VersionCase: Sendable, CustomTestStringConvertible {
        var old: String
        var new: String
        var grade: ChangeGrade?
        var minimum: String
        var isSufficient: Bool

        var testDescription: String { "\(grade.map(String.init(describing:)) ?? "none"): \(old) → \(new)" }
    }

    static let versionCases: [VersionCase] = [
        VersionCase(old: "1.0.0", new: "1.1.0", grade: .major, minimum: "2.0.0", isSufficient: false),
        VersionCase(old: "1.0.0", new: "2.0.0", grade: .major, minimum: "2.0.0", isSufficient: true),
        VersionCase(old: "1.4.2", new: "3.0.0", grade: .major, minimum: "2.0.0", isSufficient: true),
        VersionCase(old: "0.3.0", new: "0.4.0", grade: .major, minimum: "0.4.0", isSufficient: true),
        VersionCase(old: "0.3.0", new: "0.3.1", grade: .major, minimum: "0.4.0", isSufficient: false),
        VersionCase(old: "1.0.0", new: "1.0.1", grade: .minor, minimum: "1.1.0", isSufficient: false),
        VersionCase(old: "1.0.0", new: "1.1.0", grade: .minor, minimum: "1.1.0", isSufficient: true),
        VersionCase(old: "0.3.0", new: "0.3.1", grade: .minor, minimum: "0.3.1", isSufficient: true),
        VersionCase(old: "1.0.0", new: "1.0.0", grade: .patch, minimum: "1.0.1", isSufficient: false),
        VersionCase(old: "1.0.0", new: "1.0.1", grade: .patch, minimum: "1.0.1", isSufficient: true),
        VersionCase(old: "1.0.0", new: "1.0.0", grade: nil, minimum: "1.0.0", isSufficient: true),
        VersionCase(old: "1.1.0", new: "1.0.0", grade: nil, minimum: "1.1.0", isSufficient: false),
    ]

    @Test(arguments: versionCases)
    func checksTheDeclaredVersionBump(_ versionCase: VersionCase) throws {
        let old = "codes:\n  - { name: A, code: 1, status: 404, title: Old }\n"
        let new =
            switch versionCase.grade {
            case .major?: "codes:\n  - { name: A, code: 1, status: 410, title: Old }\n"
            case .minor?: old + "  - { name: B, code: 2, status: 404 }\n"
            case .patch?: "codes:\n  - { name: A, code: 1, status: 404, title: New }\n"
            default: old
            }
        let diff = try Self.diff(old, new, oldVersion: versionCase.old, newVersion: versionCase.new)
        #expect(diff.requiredBump == versionCase.grade)
        #expect(diff.minimumNewVersion?.description == versionCase.minimum)
        #expect(diff.isVersionBumpSufficient == versionCase.isSufficient)
        #expect(diff.oldVersion == versionCase.old)
        #expect(diff.newVersion == versionCase.new)
    }

    // MARK: Grades

    @Test func gradesAreOrderedBySeverity() {
        #expect(ChangeGrade.patch < .minor)
        #expect(ChangeGrade.minor < .major)
        #expect(ChangeGrade.allCases == [.major, .minor, .patch])
    }

    @Test(arguments: ["major", "minor", "patch"])
    func gradesRoundTripTheirNames(_ name: String) {
        #expect(ChangeGrade(rawValue: name)?.rawValue == name)
        #expect(ChangeGrade(rawValue: name.uppercased()) == nil)
    }
}
