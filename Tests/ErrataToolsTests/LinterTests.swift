import ErrataCatalogs
import ErrataTools
import Testing

/// A catalog that makes one lint rule fire, and the same catalog corrected.
///
/// Every line of `firing` that carries the marker `# ⚑` is a line the rule must report, once each; no other line
/// may be reported, by that rule or any other. `corrected` must load and lint with no finding at all.
struct LintFixture: Sendable, CustomTestStringConvertible {
    var rule: String
    var name: String
    var firing: String
    var corrected: String
    /// Text every finding's message contains.
    var message: [String]

    var testDescription: String { "\(rule): \(name)" }

    static let marker = "# ⚑"

    /// The 1-based lines that carry the marker.
    var markedLines: [Int] {
        firing.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains(Self.marker) }.map { $0.offset + 1 }
    }
}

@Suite struct LinterTests {
    static let path = "fixture.errata.yaml"

    /// A catalog with the required top-level keys and `body` after them (from line 5).
    static func catalog(_ body: String) -> String {
        """
        errata: 1
        id: lint-fixture
        title: Lint fixture
        version: "1.0.0"

        """ + body
    }

    /// What loading and linting `text` reports: the loader's diagnostics, then the linter's findings.
    static func findings(_ text: String) -> [Diagnostic] {
        let loaded = CatalogLoader().load(text: text, path: path)
        let findings = loaded.catalog.map { Linter().lint($0, sourceMap: loaded.sourceMap) } ?? []
        return loaded.diagnostics + findings
    }

    static func describe(_ diagnostics: [Diagnostic]) -> Comment {
        Comment(rawValue: diagnostics.map(\.description).joined(separator: "\n"))
    }

    static func describe(_ title: String, _ diagnostics: [Diagnostic]) -> Comment {
        Comment(rawValue: ([title] + diagnostics.map(\.description)).joined(separator: "\n"))
    }

    // MARK: Fixtures

    /// A JSON envelope that carries a message, for catalogs whose entries have no HTTP status.
    static let statusPacket = """
        envelope:
          format: json
          body: { id: "{requestID}", status: "{code}", message: "{message?}" }

        """

    static let fixtures: [LintFixture] = [
        // duplicate-name: reported by the loader, which then produces no catalog.
        LintFixture(
            rule: "duplicate-name",
            name: "two entries",
            firing: catalog(
                """
                codes:
                  - name: NotFound
                    status: 404
                    message: "Not found."
                  - name: NotFound # ⚑
                    status: 410
                    message: "Gone."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: NotFound
                    status: 404
                    message: "Not found."
                  - name: Gone
                    status: 410
                    message: "Gone."
                """
            ),
            message: ["duplicate code name 'NotFound'", "first used at line 6", "rename one"]
        ),
        LintFixture(
            rule: "duplicate-name",
            name: "two close codes",
            firing: catalog(
                """
                codes: []
                closeCodes:
                  - { code: 4201, name: RateLimitHit, reason: rate limit hit }
                  - { code: 4202, name: RateLimitHit, reason: slow down } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes: []
                closeCodes:
                  - { code: 4201, name: RateLimitHit, reason: rate limit hit }
                  - { code: 4202, name: SlowDown, reason: slow down }
                """
            ),
            message: ["duplicate close code name 'RateLimitHit'", "first used at line 7"]
        ),
        LintFixture(
            rule: "duplicate-name",
            name: "two operations",
            firing: catalog(
                """
                codes:
                  - { name: NotFound, status: 404, message: "Not found." }
                operations:
                  - { name: GetMember, route: "GET /members/{id}", codes: [NotFound] }
                  - { name: GetMember, route: "GET /groups/{id}", codes: [NotFound] } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - { name: NotFound, status: 404, message: "Not found." }
                operations:
                  - { name: GetMember, route: "GET /members/{id}", codes: [NotFound] }
                  - { name: GetGroup, route: "GET /groups/{id}", codes: [NotFound] }
                """
            ),
            message: ["duplicate operation name 'GetMember'", "first used at line 8"]
        ),

        // duplicate-code
        LintFixture(
            rule: "duplicate-code",
            name: "same code and status",
            firing: catalog(
                """
                codes:
                  - name: MemberNotFound
                    code: 20002
                    status: 404
                    message: "Member not found."
                  - name: GroupNotFound
                    code: 20002 # ⚑
                    status: 404
                    message: "Group not found."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: MemberNotFound
                    code: 20002
                    status: 404
                    message: "Member not found."
                  - name: GroupNotFound
                    code: 20004
                    status: 404
                    message: "Group not found."
                """
            ),
            message: [
                "'GroupNotFound' has the same code 20002 and status 404 as 'MemberNotFound' (line 6)",
                "change one code",
            ]
        ),
        LintFixture(
            rule: "duplicate-code",
            name: "same string code, no status",
            firing: catalog(
                statusPacket + """
                    codes:
                      - { name: LicenseNotFound, code: "LICENSE_NOT_FOUND", message: "No such licence." }
                      - { name: LicenseMissing, code: "LICENSE_NOT_FOUND", message: "Licence missing." } # ⚑
                    """
            ),
            corrected: catalog(
                statusPacket + """
                    codes:
                      - { name: LicenseNotFound, code: "LICENSE_NOT_FOUND", message: "No such licence." }
                      - { name: LicenseMissing, code: "LICENSE_MISSING", message: "Licence missing." }
                    """
            ),
            message: ["'LicenseMissing' has the same code LICENSE_NOT_FOUND and status none as 'LicenseNotFound'"]
        ),
        LintFixture(
            rule: "duplicate-code",
            name: "no code, same status and message",
            firing: catalog(
                """
                codes:
                  - name: AccountDisabled
                    status: 403
                    message: "Account is disabled"
                  - name: TokenDisabled
                    status: 403 # ⚑
                    message: "Account is disabled"
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: AccountDisabled
                    status: 403
                    message: "Account is disabled"
                  - name: TokenDisabled
                    status: 403
                    message: "Token is disabled"
                """
            ),
            message: ["'TokenDisabled' and 'AccountDisabled' (line 6) have no code", "same status 403"]
        ),
        LintFixture(
            rule: "duplicate-code",
            name: "no code, same message, one sent with the other's status too",
            firing: catalog(
                """
                codes:
                  - name: RateLimited
                    status: 403
                    otherStatuses: [429]
                    message: "Slow down."
                  - name: TooMany
                    status: 429 # ⚑
                    message: "Slow down."
                    retry: after
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: RateLimited
                    status: 403
                    otherStatuses: [429]
                    message: "Slow down."
                  - name: TooMany
                    status: 429
                    message: "Too many at once."
                    retry: after
                """
            ),
            message: ["'TooMany' and 'RateLimited' (line 6) have no code", "same status 429"]
        ),
        LintFixture(
            rule: "duplicate-code",
            name: "no code, same status, neither has a message",
            firing: catalog(
                """
                envelope: { format: json, body: { status: "{status}" } }
                codes:
                  - { name: AccountDisabled, status: 403 }
                  - { name: TokenDisabled, status: 403 } # ⚑
                """
            ),
            corrected: catalog(
                """
                envelope: { format: json, body: { status: "{status}" } }
                codes:
                  - { name: AccountDisabled, status: 403 }
                  - { name: TokenDisabled, status: 401, headers: { WWW-Authenticate: Bearer } }
                """
            ),
            message: ["'TokenDisabled' and 'AccountDisabled'", "same status 403 and the same message"]
        ),

        // shared-code: every entry that shares the code is reported.
        LintFixture(
            rule: "shared-code",
            name: "code 0 on two statuses",
            firing: catalog(
                """
                codes:
                  - name: BadRequest
                    code: 0 # ⚑
                    status: 400
                    message: "Bad request."
                  - name: Forbidden
                    code: 0 # ⚑
                    status: 403
                    message: "Forbidden."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: BadRequest
                    code: 0
                    status: 400
                    message: "Bad request."
                  - name: Forbidden
                    code: 1
                    status: 403
                    message: "Forbidden."
                """
            ),
            message: ["is shared by statuses 400, 403", "clients must use the HTTP status"]
        ),

        // kind-status-mismatch
        LintFixture(
            rule: "kind-status-mismatch",
            name: "an error on 200",
            firing: catalog(
                """
                codes:
                  - name: Oops
                    status: 200 # ⚑
                    message: "Oops."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: Oops
                    status: 200
                    message: "Oops."
                    kind: success
                """
            ),
            message: ["'Oops' is an error but its status 200 says the request succeeded"]
        ),
        LintFixture(
            rule: "kind-status-mismatch",
            name: "an error on 1xx",
            firing: catalog(
                """
                codes:
                  - { name: StillWorking, status: 102, message: "Still working." } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - { name: StillWorking, status: 102, message: "Still working.", kind: informational }
                """
            ),
            message: ["'StillWorking' is an error but its status 102"]
        ),
        LintFixture(
            rule: "kind-status-mismatch",
            name: "a success on 404",
            firing: catalog(
                """
                codes:
                  - name: Found
                    status: 404
                    kind: success # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: Found
                    status: 200
                    kind: success
                """
            ),
            message: ["'Found' is a success but its status 404 is an error status"]
        ),

        // unknown-status
        LintFixture(
            rule: "unknown-status",
            name: "470",
            firing: catalog(
                """
                codes:
                  - name: Odd
                    status: 470 # ⚑
                    message: "Odd."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: Odd
                    status: 400
                    message: "Odd."
                """
            ),
            message: ["status 470 of 'Odd' is in neither the IANA registry nor common use", "as 400"]
        ),

        // unofficial-status
        LintFixture(
            rule: "unofficial-status",
            name: "nginx 499",
            firing: catalog(
                """
                codes:
                  - name: ClientClosed
                    status: 499 # ⚑
                    message: "Client closed the request."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: ClientClosed
                    status: 400
                    message: "Client closed the request."
                """
            ),
            message: ["of 'ClientClosed' is not IANA-registered", "nginx", "as 400"]
        ),
        LintFixture(
            rule: "unofficial-status",
            name: "reserved 418",
            firing: catalog(
                """
                codes:
                  - { name: Teapot, status: 418, message: "I'm a teapot." } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - { name: Teapot, status: 400, message: "I'm a teapot." }
                """
            ),
            message: ["of 'Teapot' is not IANA-registered", "reserved"]
        ),

        // undeclared-parameter
        LintFixture(
            rule: "undeclared-parameter",
            name: "in the message",
            firing: catalog(
                """
                codes:
                  - name: MemberRefNotFound
                    status: 404
                    message: "Member '{memberRef}' not found in '{systm}'." # ⚑
                    params:
                      memberRef: { type: string }
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: MemberRefNotFound
                    status: 404
                    message: "Member '{memberRef}' not found in '{systm}'."
                    params:
                      memberRef: { type: string }
                      systm: { type: string }
                """
            ),
            message: ["placeholder '{systm}' of 'MemberRefNotFound' is not a declared parameter", "under 'params'"]
        ),
        LintFixture(
            rule: "undeclared-parameter",
            name: "in a header",
            firing: catalog(
                """
                codes:
                  - name: MethodNotAllowed
                    status: 405
                    message: "'{method}' is not allowed."
                    params:
                      method: { type: string }
                    headers:
                      Allow: "{allowedMethod}" # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: MethodNotAllowed
                    status: 405
                    message: "'{method}' is not allowed."
                    params:
                      method: { type: string }
                      allowedMethod: { type: string }
                    headers:
                      Allow: "{allowedMethod}"
                """
            ),
            message: ["placeholder '{allowedMethod}' of 'MethodNotAllowed' is not a declared parameter"]
        ),

        // unused-parameter
        LintFixture(
            rule: "unused-parameter",
            name: "declared, never used",
            firing: catalog(
                """
                codes:
                  - name: NotFound
                    status: 404
                    message: "Not found."
                    params:
                      memberRef: { type: string } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: NotFound
                    status: 404
                    message: "Member '{memberRef}' not found."
                    params:
                      memberRef: { type: string }
                """
            ),
            message: ["parameter 'memberRef' of 'NotFound' is declared but no template uses it"]
        ),

        // missing-message
        LintFixture(
            rule: "missing-message",
            name: "problem envelope",
            firing: catalog(
                """
                codes:
                  - name: NotFound # ⚑
                    status: 404
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: NotFound
                    status: 404
                    message: "Not found."
                """
            ),
            message: ["error 'NotFound' has no 'message'"]
        ),
        LintFixture(
            rule: "missing-message",
            name: "json envelope with {message}",
            firing: catalog(
                """
                envelope: { format: json, body: { code: "{code}", message: "{message}" } }
                codes:
                  - { name: NotFound, code: 20001, status: 404 } # ⚑
                """
            ),
            corrected: catalog(
                """
                envelope: { format: json, body: { code: "{code}", message: "{message}" } }
                codes:
                  - { name: NotFound, code: 20001, status: 404, message: "Not found." }
                """
            ),
            message: ["error 'NotFound' has no 'message'"]
        ),
        LintFixture(
            rule: "missing-message",
            name: "json envelope offering problem as an alternative",
            firing: catalog(
                """
                envelope:
                  format: json
                  body: { code: "{code}" }
                  alternatives: [{ format: problem }]
                codes:
                  - { name: NotFound, code: 20001, status: 404 } # ⚑
                """
            ),
            corrected: catalog(
                """
                envelope:
                  format: json
                  body: { code: "{code}" }
                  alternatives: [{ format: problem }]
                codes:
                  - { name: NotFound, code: 20001, status: 404, message: "Not found." }
                """
            ),
            message: ["error 'NotFound' has no 'message'"]
        ),

        // missing-required-header
        LintFixture(
            rule: "missing-required-header",
            name: "401 without WWW-Authenticate",
            firing: catalog(
                """
                codes:
                  - name: Unauthorized
                    status: 401 # ⚑
                    message: "Missing token."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: Unauthorized
                    status: 401
                    message: "Missing token."
                    headers: { www-authenticate: Bearer }
                """
            ),
            message: ["'Unauthorized' answers 401", "no 'WWW-Authenticate' header", "MUST", "{challenge}"]
        ),
        LintFixture(
            rule: "missing-required-header",
            name: "405 without Allow",
            firing: catalog(
                """
                codes:
                  - name: MethodNotAllowed
                    status: 405 # ⚑
                    message: "Method not allowed."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: MethodNotAllowed
                    status: 405
                    message: "Method not allowed."
                    headers: { Allow: "{allowedMethods}" }
                """
            ),
            message: ["'MethodNotAllowed' answers 405", "no 'Allow' header", "Allow: \"{allowedMethods}\""]
        ),
        LintFixture(
            rule: "missing-required-header",
            name: "407 without Proxy-Authenticate",
            firing: catalog(
                """
                codes:
                  - { name: ProxyAuthRequired, status: 407, message: "Proxy authentication required." } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: ProxyAuthRequired
                    status: 407
                    message: "Proxy authentication required."
                    headers: { Proxy-Authenticate: Basic }
                """
            ),
            message: ["no 'Proxy-Authenticate' header"]
        ),
        LintFixture(
            rule: "missing-required-header",
            name: "3xx without Location",
            firing: catalog(
                """
                codes:
                  - { name: Moved, status: 301, message: "Moved." } # ⚑
                  - { name: Elsewhere, status: 307, message: "Elsewhere." } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - { name: Moved, status: 301, message: "Moved.", headers: { Location: "{location}" } }
                  - { name: Elsewhere, status: 307, message: "Elsewhere.", headers: { Location: "/v2{path}" } }
                """
            ),
            message: ["no 'Location' header", "SHOULD"]
        ),
        LintFixture(
            rule: "missing-required-header",
            name: "416 without Content-Range",
            firing: catalog(
                """
                codes:
                  - { name: BadRange, status: 416, message: "Range not satisfiable." } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - { name: BadRange, status: 416, message: "Range not satisfiable.", headers: { Content-Range: "bytes */{length}" } }
                """
            ),
            message: ["no 'Content-Range' header"]
        ),
        LintFixture(
            rule: "missing-required-header",
            name: "426 without Upgrade",
            firing: catalog(
                """
                codes:
                  - { name: UpgradeRequired, status: 426, message: "Use HTTP/2." } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - { name: UpgradeRequired, status: 426, message: "Use HTTP/2.", headers: { Upgrade: h2c } }
                """
            ),
            message: ["no 'Upgrade' header"]
        ),

        // missing-retry-after
        LintFixture(
            rule: "missing-retry-after",
            name: "429 without retry",
            firing: catalog(
                """
                codes:
                  - name: TooManyRequests
                    status: 429 # ⚑
                    message: "Slow down."
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: TooManyRequests
                    status: 429
                    message: "Slow down."
                    retry: after
                """
            ),
            message: ["'TooManyRequests' answers 429", "add 'retry: after'"]
        ),
        LintFixture(
            rule: "missing-retry-after",
            name: "503 retried immediately",
            firing: catalog(
                """
                codes:
                  - name: Unavailable
                    status: 503
                    message: "Down for maintenance."
                    retry: immediately # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: Unavailable
                    status: 503
                    message: "Down for maintenance."
                    retry: after
                """
            ),
            message: ["'Unavailable' answers 503", "add 'retry: after'"]
        ),

        // retry-not-retryable
        LintFixture(
            rule: "retry-not-retryable",
            name: "404 retried after a delay",
            firing: catalog(
                """
                codes:
                  - name: NotFound
                    status: 404
                    message: "Not found."
                    retry: after # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: NotFound
                    status: 404
                    message: "Not found."
                    retry: never
                """
            ),
            message: ["'NotFound' says 'retry: after' but repeating a request answered 404", "'retry: never'"]
        ),
        LintFixture(
            rule: "retry-not-retryable",
            name: "400 retried immediately",
            firing: catalog(
                """
                codes:
                  - { name: BadRequest, status: 400, message: "Bad request.", retry: immediately } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - { name: Conflict, status: 409, message: "Lost a race." }
                  - { name: Timeout, status: 504, message: "Upstream timed out.", retry: immediately }
                """
            ),
            message: ["'BadRequest' says 'retry: immediately'"]
        ),

        // client-origin-in-operation
        LintFixture(
            rule: "client-origin-in-operation",
            name: "a client-side status listed",
            firing: catalog(
                statusPacket + """
                    codes:
                      - { name: Ok, code: 1, kind: success }
                      - { name: ChecksumMismatch, code: 302, origin: client }
                    operations:
                      - name: TransferFile
                        codes:
                          - Ok
                          - ChecksumMismatch # ⚑
                    """
            ),
            corrected: catalog(
                statusPacket + """
                    codes:
                      - { name: Ok, code: 1, kind: success }
                      - { name: ChecksumMismatch, code: 302, origin: client }
                    operations:
                      - name: TransferFile
                        codes:
                          - Ok
                    """
            ),
            message: ["operation 'TransferFile' lists 'ChecksumMismatch', which only the client produces"]
        ),

        // code-outside-group
        LintFixture(
            rule: "code-outside-group",
            name: "outside the group it names",
            firing: catalog(
                """
                groups:
                  - { name: Not found, codes: "20001...20999" }
                  - { name: Forbidden, codes: "30001...30999" }
                codes:
                  - name: MemberNotFound
                    code: 30002 # ⚑
                    status: 404
                    message: "Member not found."
                    group: Not found
                """
            ),
            corrected: catalog(
                """
                groups:
                  - { name: Not found, codes: "20001...20999" }
                  - { name: Forbidden, codes: "30001...30999" }
                codes:
                  - name: MemberNotFound
                    code: 20002
                    status: 404
                    message: "Member not found."
                    group: Not found
                """
            ),
            message: ["code 30002 of 'MemberNotFound' is outside its group 'Not found' (20001...20999)"]
        ),
        LintFixture(
            rule: "code-outside-group",
            name: "in no group's range",
            firing: catalog(
                """
                groups:
                  - { name: Not found, codes: "20001...20999" }
                codes:
                  - { name: SystemNotFound, code: 20001, status: 404, message: "System not found." }
                  - { name: MemberNotFound, code: 50002, status: 404, message: "Member not found." } # ⚑
                  - { name: Teapot, code: "TEAPOT", status: 400, message: "String codes have no range." }
                """
            ),
            corrected: catalog(
                """
                groups:
                  - { name: Not found, codes: "20001...20999" }
                codes:
                  - { name: SystemNotFound, code: 20001, status: 404, message: "System not found." }
                  - { name: MemberNotFound, code: 20002, status: 404, message: "Member not found." }
                  - { name: Teapot, code: "TEAPOT", status: 400, message: "String codes have no range." }
                """
            ),
            message: ["code 50002 of 'MemberNotFound' is in no group's range"]
        ),

        // unknown-reference
        LintFixture(
            rule: "unknown-reference",
            name: "an operation lists a missing entry",
            firing: catalog(
                """
                codes:
                  - { name: MemberNotFound, status: 404, message: "Member not found." }
                operations:
                  - name: GetMember
                    route: "GET /members/{memberRef}"
                    codes: [MemberNotFund] # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - { name: MemberNotFound, status: 404, message: "Member not found." }
                operations:
                  - name: GetMember
                    route: "GET /members/{memberRef}"
                    codes: [MemberNotFound]
                """
            ),
            message: [
                "operation 'GetMember' lists 'MemberNotFund', which is not an entry of this catalog",
                "did you mean 'MemberNotFound'?",
            ]
        ),
        LintFixture(
            rule: "unknown-reference",
            name: "an entry names a missing group",
            firing: catalog(
                """
                groups:
                  - { name: Not found, codes: "20001...20999" }
                codes:
                  - name: MemberNotFound
                    code: 20002
                    status: 404
                    message: "Member not found."
                    group: Not fund # ⚑
                """
            ),
            corrected: catalog(
                """
                groups:
                  - { name: Not found, codes: "20001...20999" }
                codes:
                  - name: MemberNotFound
                    code: 20002
                    status: 404
                    message: "Member not found."
                    group: Not found
                """
            ),
            message: ["'MemberNotFound' names group 'Not fund', which the catalog does not declare", "'Not found'"]
        ),

        // reserved-close-code
        LintFixture(
            rule: "reserved-close-code",
            name: "protocol codes",
            firing: catalog(
                """
                codes: []
                closeCodes:
                  - { code: 1000, name: Normal } # ⚑
                  - { code: 1008, name: Policy } # ⚑
                  - { code: 1016, name: Unassigned } # ⚑
                  - { code: 2999, name: LastReserved } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes: []
                closeCodes:
                  - { code: 3000, name: Normal }
                  - { code: 4008, name: Policy }
                  - { code: 4016, name: Unassigned }
                  - { code: 4999, name: LastReserved }
                """
            ),
            message: ["is reserved for the WebSocket protocol itself (1000–2999)", "4000–4999"]
        ),
        LintFixture(
            rule: "reserved-close-code",
            name: "codes never sent",
            firing: catalog(
                """
                codes: []
                closeCodes:
                  - { code: 1005, name: NoStatus } # ⚑
                  - { code: 1006, name: Abnormal } # ⚑
                  - { code: 1015, name: TLSFailed } # ⚑
                  - { code: 1004, name: Reserved } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes: []
                closeCodes:
                  - { code: 4005, name: NoStatus }
                  - { code: 4006, name: Abnormal }
                  - { code: 4015, name: TLSFailed }
                  - { code: 4004, name: Reserved }
                """
            ),
            message: ["must never be sent in a Close frame (RFC 6455 §7.4.1)"]
        ),

        // close-reason-too-long: bytes of UTF-8, not characters (62 × "é" is 62 characters, 124 bytes).
        LintFixture(
            rule: "close-reason-too-long",
            name: "124 bytes",
            firing: catalog(
                """
                codes: []
                closeCodes:
                  - code: 4201
                    name: RateLimitHit
                    reason: "\(String(repeating: "é", count: 62))" # ⚑
                """
            ),
            corrected: catalog(
                """
                codes: []
                closeCodes:
                  - code: 4201
                    name: RateLimitHit
                    reason: "\(String(repeating: "é", count: 61) + "a")"
                """
            ),
            message: ["the reason of close code 'RateLimitHit' is 124 bytes of UTF-8", "at most 123"]
        ),

        // server-error-parameters
        LintFixture(
            rule: "server-error-parameters",
            name: "a 500 with a parameter",
            firing: catalog(
                """
                codes:
                  - name: InternalError
                    status: 500
                    message: "Failed: {reason} ({query})" # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: InternalError
                    status: 500
                    message: "Internal server error."
                """
            ),
            message: ["the message of server error 'InternalError' has parameters ({reason}, {query})"]
        ),

        // framing-header
        LintFixture(
            rule: "framing-header",
            name: "a declared Content-Length",
            firing: catalog(
                """
                codes:
                  - name: NotFound
                    code: 20001
                    status: 404
                    message: "Not found."
                    headers: { Content-Length: "3", Cache-Control: no-store } # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: NotFound
                    code: 20001
                    status: 404
                    message: "Not found."
                    headers: { Cache-Control: no-store }
                """
            ),
            message: ["'NotFound' declares 'Content-Length'", "remove it from 'headers'"]
        ),

        // malformed-docs
        LintFixture(
            rule: "malformed-docs",
            name: "not a URL",
            firing: catalog(
                """
                docs: "errors#{code}" # ⚑
                codes:
                  - { name: NotFound, code: 20001, status: 404, message: "Not found." }
                """
            ),
            corrected: catalog(
                """
                docs: "https://example.com/errors#{code}"
                codes:
                  - { name: NotFound, code: 20001, status: 404, message: "Not found." }
                """
            ),
            message: ["'docs' renders 'errors#x', which is not an absolute URL or path"]
        ),
        LintFixture(
            rule: "malformed-docs",
            name: "an entry's own docs that is not a URL",
            firing: catalog(
                """
                codes:
                  - name: NotFound
                    code: 20001
                    status: 404
                    message: "Not found."
                    docs: "probs/not-found" # ⚑
                """
            ),
            corrected: catalog(
                """
                codes:
                  - name: NotFound
                    code: 20001
                    status: 404
                    message: "Not found."
                    docs: "https://example.com/probs/not-found"
                """
            ),
            message: ["'docs' of 'NotFound' is 'probs/not-found', which is not an absolute URL or path"]
        ),
        LintFixture(
            rule: "malformed-docs",
            name: "a space in the URL",
            firing: catalog(
                """
                docs: "https://example.com/errors #{name}" # ⚑
                codes:
                  - { name: NotFound, code: 20001, status: 404, message: "Not found." }
                """
            ),
            corrected: catalog(
                """
                docs: "/errors#{name}"
                codes:
                  - { name: NotFound, code: 20001, status: 404, message: "Not found." }
                """
            ),
            message: ["which is not an absolute URL or path"]
        ),
        LintFixture(
            rule: "malformed-docs",
            name: "an unknown placeholder (reported by the loader)",
            firing: catalog(
                """
                docs: "https://example.com/errors#{cod}" # ⚑
                codes:
                  - { name: NotFound, code: 20001, status: 404, message: "Not found." }
                """
            ),
            corrected: catalog(
                """
                docs: "https://example.com/{status}/errors#{code}-{name}"
                codes:
                  - { name: NotFound, code: 20001, status: 404, message: "Not found." }
                """
            ),
            message: ["'docs' uses unknown placeholder '{cod}'", "did you mean 'code'?"]
        ),
    ]

    // MARK: Every rule

    @Test func ruleIdentifiersAreUniqueAndNamed() {
        let ids = LintRule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in LintRule.all {
            #expect(LintRule.named(rule.id) == rule)
            #expect(rule.description == rule.id)
            #expect(!rule.summary.isEmpty)
            #expect(rule.id.allSatisfy { $0 == "-" || ("a"..."z").contains($0) }, "\(rule.id) is not kebab-case")
        }
        #expect(LintRule.named("no-such-rule") == nil)
    }

    @Test func everyFixtureNamesARule() {
        for fixture in Self.fixtures {
            #expect(LintRule.named(fixture.rule) != nil, "fixture '\(fixture.name)' names unknown rule \(fixture.rule)")
            #expect(!fixture.markedLines.isEmpty, "fixture '\(fixture.testDescription)' marks no line")
        }
    }

    /// Runs over ``LintRule/all``, so a rule added without a fixture fails here.
    @Test(arguments: LintRule.all)
    func ruleFiresOnItsFixturesAndIsSilentOnTheCorrectedCatalogs(rule: LintRule) throws {
        let fixtures = Self.fixtures.filter { $0.rule == rule.id }
        try #require(!fixtures.isEmpty, "rule '\(rule.id)' has no fixture in LinterTests.fixtures")
        for fixture in fixtures {
            let findings = Self.findings(fixture.firing)
            let context = Self.describe(fixture.testDescription, findings)
            let fired = findings.filter { $0.rule == rule.id }
            #expect(fired.map { $0.location?.line } == fixture.markedLines, context)
            #expect(fired.count == findings.count, context)
            for finding in fired {
                #expect(finding.severity == rule.severity, context)
                #expect(finding.location?.file == Self.path, context)
                #expect(finding.description.hasSuffix("[\(rule.id)]"), context)
                for text in fixture.message {
                    #expect(finding.message.contains(text), Self.describe("message lacks '\(text)'", [finding]))
                }
            }

            let corrected = Self.findings(fixture.corrected)
            #expect(corrected.isEmpty, Self.describe("corrected \(fixture.testDescription)", corrected))
            #expect(CatalogLoader().load(text: fixture.corrected, path: Self.path).catalog != nil)
        }
    }

    // MARK: Rule details

    /// BatchData answers 403 four ways, told apart by message alone: that is not a duplicate.
    @Test func codelessEntriesOnOneStatusWithDifferentMessagesAreNotDuplicates() {
        let findings = Self.findings(
            Self.catalog(
                """
                envelope: { format: json, body: { status: { code: "{status}", text: "{reason}", message: "{message}" } } }
                codes:
                  - { name: AccountDisabled, status: 403, message: "Account is disabled" }
                  - { name: InsufficientBalance, status: 403, message: "Insufficient balance" }
                  - { name: TokenDisabled, status: 403, message: "Token is disabled" }
                  - { name: InsufficientPermissions, status: 403, message: "Insufficient permissions" }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    @Test func codelessEntriesOnDifferentStatusesWithTheSameMessageAreNotDuplicates() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: Forbidden, status: 403, message: "Not allowed." }
                  - { name: Conflict, status: 409, message: "Not allowed." }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    /// `1` is a JSON number and `"1"` a JSON string: the wire tells them apart.
    @Test func integerAndStringCodesWithTheSameDigitsAreNotDuplicates() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: Numeric, code: 1, status: 400, message: "One." }
                  - { name: Textual, code: "1", status: 400, message: "One." }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    @Test func eachLaterDuplicateIsReportedAgainstTheFirst() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: First, code: 7, status: 404, message: "One." }
                  - { name: Second, code: 7, status: 404, message: "Two." }
                  - { name: Third, code: 7, status: 404, message: "Three." }
                """
            )
        )
        #expect(findings.map(\.rule) == ["duplicate-code", "duplicate-code"])
        #expect(findings.map { $0.location?.line } == [7, 8])
        #expect(findings.allSatisfy { $0.message.contains("as 'First' (line 6)") })
    }

    @Test func sharedCodeNamesEveryStatusOnceInOrder() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: ServerError, code: 0, status: 500, message: "Internal server error." }
                  - { name: BadRequest, code: 0, status: 400, message: "Bad request." }
                  - { name: AlsoBad, code: 0, status: 400, message: "Also bad." }
                  - { name: Forbidden, code: 0, status: 403, message: "Forbidden." }
                """
            )
        )
        let shared = findings.filter { $0.rule == "shared-code" }
        #expect(shared.map { $0.location?.line } == [6, 7, 8, 9], Self.describe(findings))
        #expect(shared.allSatisfy { $0.message.contains("shared by statuses 400, 403, 500;") })
        // The two 400s are also indistinguishable from each other; that is duplicate-code's finding.
        #expect(findings.filter { $0.rule == "duplicate-code" }.map { $0.location?.line } == [8])
    }

    /// A parameter that only a header uses is still used.
    @Test func parameterUsedOnlyInAHeaderCountsAsUsed() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - name: MethodNotAllowed
                    status: 405
                    message: "Method not allowed."
                    params:
                      allowedMethods: { type: string, description: "e.g. GET, POST" }
                    headers: { Allow: "{allowedMethods}" }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    /// A parameter the envelope renders as `params.NAME` is used, though no template of the entry names it.
    @Test func parameterUsedByTheEnvelopeCountsAsUsed() {
        let findings = Self.findings(
            Self.catalog(
                """
                envelope:
                  format: json
                  body: { code: "{code}", message: "{message}", max_length: "{params.maxLength?}" }
                codes:
                  - name: TooLong
                    code: 40001
                    status: 400
                    message: "Too long."
                    params:
                      maxLength: { type: integer }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    /// Parameters inferred from templates (no `params`) are never undeclared or unused.
    @Test func inferredParametersAreNotChecked() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: MemberRefNotFound, status: 404, message: "Member '{memberRef}' not found." }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    /// BlazeAuth's `{id, status}` packet carries no message, so entries need none.
    @Test func missingMessageIsSilentWhenTheEnvelopeCarriesNoMessage() {
        let findings = Self.findings(
            Self.catalog(
                """
                envelope: { format: json, body: { id: "{requestID}", status: "{code}" } }
                codes:
                  - { name: NotAuthorized, code: 3 }
                  - { name: LicenseNotFound, code: 100 }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    @Test func missingMessageIsSilentForEntriesThatAreNotServerErrors() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: Ok, status: 200, kind: success }
                  - { name: ChecksumMismatch, status: 400, origin: client }
                  - { name: Chunk, status: 206, kind: progress }
                """
            )
        )
        #expect(!findings.contains { $0.rule == "missing-message" }, Self.describe(findings))
    }

    @Test func requiredHeadersAreOnlyCheckedOnErrors() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: Created, status: 201, kind: success }
                  - { name: Partial, status: 206, kind: success }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    /// 429 and 503 need Retry-After, but that is `retry: after`'s job, not a declared header's.
    @Test func retryAfterIsNotAskedForAsAHeader() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: TooManyRequests, status: 429, message: "Slow down.", retry: after }
                  - { name: Unavailable, status: 503, message: "Down.", retry: after }
                  - { name: TooLarge, status: 413, message: "Too large." }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    @Test(arguments: [408, 421, 425, 429, 500, 502, 503, 504])
    func retryIsAllowedOnRetryableStatuses(status: Int) {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: Transient, status: \(status), message: "Try again.", retry: after }
                """
            )
        )
        #expect(!findings.contains { $0.rule == "retry-not-retryable" }, Self.describe(findings))
    }

    @Test(arguments: [(UInt16(2999), true), (3000, false), (3999, false), (4000, false), (4999, false), (1000, true)])
    func closeCodesOutsideTheApplicationRangesAreReserved(code: UInt16, isReported: Bool) {
        let findings = Self.findings(
            Self.catalog(
                """
                codes: []
                closeCodes:
                  - { code: \(code), name: Closed, reason: closed }
                """
            )
        )
        #expect(findings.contains { $0.rule == "reserved-close-code" } == isReported, Self.describe(findings))
    }

    @Test func closeReasonOfExactly123BytesFits() {
        let reasons = [String(repeating: "a", count: 123), String(repeating: "😀", count: 30) + "abc"]
        for reason in reasons {
            #expect(reason.utf8.count == 123)
            let findings = Self.findings(
                Self.catalog(
                    """
                    codes: []
                    closeCodes:
                      - { code: 4000, name: Closed, reason: "\(reason)" }
                    """
                )
            )
            #expect(findings.isEmpty, Self.describe(findings))
        }
    }

    @Test func serverErrorParametersIgnoreHeadersAndClientErrors() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - { name: Unavailable, status: 503, message: "Down.", retry: after, headers: { X-Region: "{region}" } }
                  - { name: MemberRefNotFound, status: 404, message: "Member '{memberRef}' not found." }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    // MARK: Allowances

    /// Catalogs with two entries that break `rule`; the first allows it, so only the second (marked) is reported.
    static let allowances: [(rule: String, body: String)] = [
        (
            "duplicate-code",
            """
            codes:
              - { name: A, code: 1, status: 400, message: "A." }
              - { name: B, code: 1, status: 400, message: "B.", lint: { allow: [duplicate-code], reason: "kept for old clients" } }
              - { name: C, code: 1, status: 400, message: "C." } # ⚑
            """
        ),
        (
            "shared-code",
            """
            codes:
              - { name: A, code: 0, status: 400, message: "A.", lint: { allow: [shared-code], reason: "generic code" } }
              - { name: B, code: 0, status: 403, message: "B." } # ⚑
            """
        ),
        (
            "kind-status-mismatch",
            """
            codes:
              - { name: A, status: 200, message: "A.", lint: { allow: [kind-status-mismatch], reason: "legacy" } }
              - { name: B, status: 200, message: "B." } # ⚑
            """
        ),
        (
            "unknown-status",
            """
            codes:
              - { name: A, status: 470, message: "A.", lint: { allow: [unknown-status], reason: "legacy" } }
              - { name: B, status: 471, message: "B." } # ⚑
            """
        ),
        (
            "unofficial-status",
            """
            codes:
              - { name: A, status: 499, message: "A.", lint: { allow: [unofficial-status], reason: "nginx" } }
              - { name: B, status: 444, message: "B." } # ⚑
            """
        ),
        (
            "undeclared-parameter",
            """
            codes:
              - { name: A, status: 400, message: "{x}{y}", params: { x: {} }, lint: { allow: [undeclared-parameter], reason: "r" } }
              - { name: B, status: 400, message: "{x}{y}.", params: { x: {} } } # ⚑
            """
        ),
        (
            "unused-parameter",
            """
            codes:
              - { name: A, status: 400, message: "A.", params: { x: {} }, lint: { allow: [unused-parameter], reason: "r" } }
              - { name: B, status: 400, message: "B.", params: { x: {} } } # ⚑
            """
        ),
        (
            "missing-message",
            """
            codes:
              - { name: A, status: 400, lint: { allow: [missing-message], reason: "the title says it all" } }
              - { name: B, status: 409 } # ⚑
            """
        ),
        (
            "missing-required-header",
            """
            codes:
              - { name: A, status: 401, message: "A.", lint: { allow: [missing-required-header], reason: "bare token" } }
              - { name: B, status: 401, message: "B." } # ⚑
            """
        ),
        (
            "missing-retry-after",
            """
            codes:
              - { name: A, status: 429, message: "A.", lint: { allow: [missing-retry-after], reason: "quota" } }
              - { name: B, status: 429, message: "B." } # ⚑
            """
        ),
        (
            "retry-not-retryable",
            """
            codes:
              - { name: A, status: 409, message: "A.", retry: immediately, lint: { allow: [retry-not-retryable], reason: "lost a race" } }
              - { name: B, status: 409, message: "B.", retry: immediately } # ⚑
            """
        ),
        (
            "code-outside-group",
            """
            groups:
              - { name: G, codes: "1...9" }
            codes:
              - { name: A, code: 10, status: 400, message: "A.", lint: { allow: [code-outside-group], reason: "r" } }
              - { name: B, code: 11, status: 400, message: "B." } # ⚑
            """
        ),
        (
            "unknown-reference",
            """
            groups:
              - { name: G, codes: "1...9" }
            codes:
              - { name: A, code: 1, status: 400, message: "A.", group: H, lint: { allow: [unknown-reference], reason: "r" } }
              - { name: B, code: 2, status: 400, message: "B.", group: H } # ⚑
            """
        ),
        (
            "server-error-parameters",
            """
            codes:
              - { name: A, status: 500, message: "{x}", lint: { allow: [server-error-parameters], reason: "r" } }
              - { name: B, status: 500, message: "{y}" } # ⚑
            """
        ),
    ]

    @Test(arguments: allowances)
    func lintAllowSilencesARuleOnThatEntryOnly(rule: String, body: String) {
        let text = Self.catalog(body)
        let findings = Self.findings(text)
        let marked = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains(LintFixture.marker) }.map { $0.offset + 1 }
        #expect(findings.filter { $0.rule == rule }.map { $0.location?.line } == marked, Self.describe(findings))
        #expect(findings.allSatisfy { $0.rule == rule }, Self.describe(findings))
    }

    @Test func allowingOneRuleDoesNotSilenceAnother() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - name: Unauthorized
                    status: 401
                    lint: { allow: [shared-code], reason: "not this one" }
                """
            )
        )
        #expect(findings.map(\.rule) == ["missing-message", "missing-required-header"], Self.describe(findings))
    }

    @Test func allowingSeveralRulesSilencesEach() {
        let findings = Self.findings(
            Self.catalog(
                """
                codes:
                  - name: Unauthorized
                    status: 401
                    lint: { allow: [missing-required-header, missing-message], reason: "documented elsewhere" }
                """
            )
        )
        #expect(findings.isEmpty, Self.describe(findings))
    }

    @Test func allowingAnUnknownRuleIsALoadError() {
        let loaded = CatalogLoader().load(
            text: Self.catalog(
                """
                codes:
                  - { name: A, status: 400, message: "A.", lint: { allow: [shared-cod], reason: "typo" } }
                """
            ),
            path: Self.path
        )
        #expect(loaded.catalog == nil)
        #expect(loaded.diagnostics.contains { $0.message.contains("unknown lint rule 'shared-cod'") })
    }

    // MARK: Bundled catalogs

    @Test func everyCatalogIsBundled() {
        #expect(BundledCatalogs.paths.count == BundledCatalogs.fileNames.count)
        #expect(BundledCatalogs.paths.count == 10)
    }

    @Test(arguments: BundledCatalogs.paths)
    func bundledCatalogsAreStrictClean(path: String) throws {
        let loaded = CatalogLoader().load(path: path)
        #expect(loaded.diagnostics.isEmpty, Self.describe(loaded.diagnostics))
        let catalog = try #require(loaded.catalog)
        let findings = Linter().lint(catalog, sourceMap: loaded.sourceMap)
        let serious = findings.filter { $0.severity >= .warning }
        #expect(serious.isEmpty, Self.describe(serious))
    }
}
