import Errata
import HTTPTypes

/// Checks a loaded catalog against the ``LintRule``s.
///
/// ```swift
/// let loaded = CatalogLoader().load(path: path)
/// if let catalog = loaded.catalog {
///     let findings = Linter().lint(catalog, sourceMap: loaded.sourceMap)
/// }
/// ```
public struct Linter: Sendable {
    /// Creates a linter.
    public init() {}

    /// Every finding, in file order. Findings an entry silences with `lint: { allow: […] }` are left out.
    public func lint(_ catalog: ErrorCatalog, sourceMap: CatalogSourceMap) -> [Diagnostic] {
        var run = LintRun(catalog: catalog, sourceMap: sourceMap)
        run.checkCodes()
        run.checkStatuses()
        run.checkFramingHeaders()
        run.checkParameters()
        run.checkRetry()
        run.checkGroups()
        run.checkOperations()
        run.checkCloseCodes()
        run.checkDocs()
        return run.findings.sorted { ($0.sortKey, $0.message) < ($1.sortKey, $1.message) }
    }
}

/// What tells an entry apart on the wire: its code and status, or, for an entry without a code, its status and
/// message.
private struct WireIdentity: Hashable {
    var code: ErrorCode?
    var status: Int?
    var message: String?
}

/// One pass of the rules over one catalog.
private struct LintRun {
    let catalog: ErrorCatalog
    let sourceMap: CatalogSourceMap
    var findings: [Diagnostic] = []

    init(catalog: ErrorCatalog, sourceMap: CatalogSourceMap) {
        self.catalog = catalog
        self.sourceMap = sourceMap
    }

    private func location(ofEntry index: Int, _ key: String) -> SourceLocation {
        index < sourceMap.entries.count ? sourceMap.entries[index][key] : sourceMap.root.location
    }

    private mutating func report(_ rule: LintRule, _ message: String, at location: SourceLocation) {
        findings.append(Diagnostic(rule.severity, message, at: location, rule: rule.id))
    }

    /// Reports a finding on an entry unless the entry allows the rule.
    private mutating func report(_ rule: LintRule, entry index: Int, key: String, _ message: String) {
        if catalog.entries[index].lintAllowances?.rules.contains(rule.id) == true { return }
        report(rule, message, at: location(ofEntry: index, key))
    }

    private func line(ofEntry index: Int) -> Int {
        location(ofEntry: index, "name").line
    }

    // MARK: Codes

    mutating func checkCodes() {
        // Keyed by the code itself, not its text: an integer 1 and a string "1" differ on the wire.
        var firstByCodeAndStatus: [WireIdentity: Int] = [:]
        var statusesByCode: [ErrorCode: [Int]] = [:]
        for (index, entry) in catalog.entries.enumerated() {
            // Each status the entry is sent with is a place on the wire it must be told apart at.
            let sentStatuses: [Int?] = entry.status == nil ? [nil] : entry.statuses.map(\.code)
            for sentStatus in sentStatuses {
                let status = sentStatus.map(String.init) ?? "none"
                if let code = entry.code {
                    let key = WireIdentity(code: code, status: sentStatus, message: nil)
                    if let first = firstByCodeAndStatus[key], first != index {
                        report(
                            .duplicateCode,
                            entry: index,
                            key: "code",
                            "'\(entry.name)' has the same code \(code) and status \(status) as "
                                + "'\(catalog.entries[first].name)' (line \(line(ofEntry: first))); nothing on the wire "
                                + "tells them apart, so change one code"
                        )
                        break
                    }
                    firstByCodeAndStatus[key] = index
                } else {
                    let key = WireIdentity(code: nil, status: sentStatus, message: entry.message?.source ?? "")
                    if let first = firstByCodeAndStatus[key], first != index {
                        report(
                            .duplicateCode,
                            entry: index,
                            key: "status",
                            "'\(entry.name)' and '\(catalog.entries[first].name)' (line \(line(ofEntry: first))) have "
                                + "no code, the same status \(status) and the same message, so a client cannot tell them "
                                + "apart; give them different messages or codes"
                        )
                        break
                    }
                    firstByCodeAndStatus[key] = index
                }
            }
            // One entry on several statuses is not a shared code: only the statuses of different entries count.
            if let code = entry.code, let status = entry.status?.code {
                statusesByCode[code, default: []].append(status)
            }
        }
        for (index, entry) in catalog.entries.enumerated() {
            guard let code = entry.code, let statuses = statusesByCode[code] else { continue }
            let distinct = Array(Set(statuses)).sorted()
            guard distinct.count > 1 else { continue }
            report(
                .sharedCode,
                entry: index,
                key: "code",
                "code \(code) of '\(entry.name)' is shared by statuses "
                    + distinct.map(String.init).joined(separator: ", ")
                    + "; clients must use the HTTP status to tell them apart"
            )
        }
    }

    // MARK: Statuses and headers

    mutating func checkStatuses() {
        for (index, entry) in catalog.entries.enumerated() {
            guard let status = entry.status else { continue }
            let code = status.code
            if entry.kind == .error && code < 300 {
                report(
                    .kindStatusMismatch,
                    entry: index,
                    key: "status",
                    "'\(entry.name)' is an error but its status \(code) says the request succeeded; use a 4xx or 5xx "
                        + "status, or 'kind: success'"
                )
            }
            if entry.kind == .success && code >= 400 {
                report(
                    .kindStatusMismatch,
                    entry: index,
                    key: "kind",
                    "'\(entry.name)' is a success but its status \(code) is an error status; use a 2xx status, or "
                        + "'kind: error'"
                )
            }
            guard let definition = HTTPStatusRegistry.standard.definition(for: code) else {
                report(
                    .unknownStatus,
                    entry: index,
                    key: "status",
                    "status \(code) of '\(entry.name)' is in neither the IANA registry nor common use; clients will treat "
                        + "it as \(code / 100)00, so prefer a registered status"
                )
                continue
            }
            if !definition.registration.isRegistered || definition.registration.isReserved {
                report(
                    .unofficialStatus,
                    entry: index,
                    key: "status",
                    "status \(definition) of '\(entry.name)' is not IANA-registered (\(definition.registration)); some "
                        + "clients and proxies treat it as \(code / 100)00"
                )
            }
            if entry.kind == .error {
                // Retry-After is the renderer's job, from the occurrence's retry-after (see `missing-retry-after`).
                for requirement in definition.headers where requirement.level != .may && requirement.name != .retryAfter
                {
                    let name = requirement.name.rawName
                    guard !entry.headers.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                        continue
                    }
                    report(
                        .missingRequiredHeader,
                        entry: index,
                        key: "status",
                        "'\(entry.name)' answers \(definition) but declares no '\(name)' header, which the response "
                            + "\(requirement.level.rawValue) carry (\(requirement.note)); add it under 'headers', "
                            + "using a parameter for a value that varies: \(name): \"{\(Self.parameterHint(for: name))}\""
                    )
                }
            }
        }
    }

    private static func parameterHint(for header: String) -> String {
        switch header.lowercased() {
        case "allow": "allowedMethods"
        case "location": "location"
        case "www-authenticate": "challenge"
        default: header.filter { $0.isLetter }.prefix(1).lowercased() + header.filter { $0.isLetter }.dropFirst()
        }
    }

    // MARK: Headers

    /// `Content-Length` and `Transfer-Encoding` frame the body, which only the server writing it knows: the
    /// renderer leaves them out, so declaring one is a mistake to say.
    mutating func checkFramingHeaders() {
        for (index, entry) in catalog.entries.enumerated() {
            for header in entry.headers {
                guard HTTPField.Name(header.name)?.framesBody == true else { continue }
                report(
                    .framingHeader,
                    entry: index,
                    key: "headers",
                    "'\(entry.name)' declares '\(header.name)', which frames the body and is the server's to set; the "
                        + "renderer leaves it out, so remove it from 'headers'"
                )
            }
        }
    }

    // MARK: Parameters and messages

    mutating func checkParameters() {
        let envelopeParameters = Set(
            ([catalog.envelope] + catalog.envelope.alternatives).flatMap { envelope in
                (envelope.body?.placeholders ?? []) + envelope.extensions.flatMap(\.value.placeholders)
            }.compactMap { placeholder -> String? in
                if case .parameter(let name) = EnvelopeVariable(placeholder.name) { name } else { nil }
            }
        )
        let rendersMessage = ([catalog.envelope] + catalog.envelope.alternatives).contains(where: \.rendersMessage)
        for (index, entry) in catalog.entries.enumerated() {
            let used = entry.usedParameterNames
            if !entry.parameters.isEmpty {
                let declared = Set(entry.parameters.map(\.name))
                for name in used where !declared.contains(name) {
                    // Point at the template that uses the name: the message, else the first header that does.
                    let header = entry.headers.first { $0.value.parameterNames.contains(name) }
                    let isInMessage = entry.message?.parameterNames.contains(name) == true
                    report(
                        .undeclaredParameter,
                        entry: index,
                        key: isInMessage ? "message" : header.map { "headers.\($0.name)" } ?? "message",
                        "placeholder '{\(name)}' of '\(entry.name)' is not a declared parameter"
                            + Suggestion.hint(for: name, in: declared)
                            + "; declare it under 'params' or fix the name"
                    )
                }
                for parameter in entry.parameters
                where !used.contains(parameter.name) && !envelopeParameters.contains(parameter.name) {
                    report(
                        .unusedParameter,
                        entry: index,
                        key: "params.\(parameter.name)",
                        "parameter '\(parameter.name)' of '\(entry.name)' is declared but no template uses it; use it "
                            + "in 'message' or a header, or remove it"
                    )
                }
            }
            if entry.kind == .error, entry.message == nil, rendersMessage, entry.origin == .server {
                report(
                    .missingMessage,
                    entry: index,
                    key: "name",
                    "error '\(entry.name)' has no 'message', so its responses carry no explanation; add one"
                )
            }
            if let status = entry.status?.code, status >= 500, let message = entry.message, !message.isConstant {
                report(
                    .serverErrorParameters,
                    entry: index,
                    key: "message",
                    "the message of server error '\(entry.name)' has parameters ("
                        + message.parameterNames.map { "{\($0)}" }.joined(separator: ", ")
                        + "), which can carry internal details to clients; make it a fixed text"
                )
            }
        }
    }

    // MARK: Retry

    mutating func checkRetry() {
        for (index, entry) in catalog.entries.enumerated() {
            guard let status = entry.status?.code else { continue }
            if (status == 429 || status == 503) && entry.retry != .after {
                report(
                    .missingRetryAfter,
                    entry: index,
                    key: entry.retry == .never ? "status" : "retry",
                    "'\(entry.name)' answers \(status), which asks the client to come back later; add 'retry: after'"
                )
            }
            if entry.retry != .never, let definition = HTTPStatusRegistry.standard.definition(for: status),
                !definition.isRetryable
            {
                report(
                    .retryNotRetryable,
                    entry: index,
                    key: "retry",
                    "'\(entry.name)' says 'retry: \(entry.retry)' but repeating a request answered \(definition) "
                        + "gives the same answer; use 'retry: never' or a retryable status (408, 421, 425, 429, "
                        + "500, 502, 503, 504)"
                )
            }
        }
    }

    // MARK: Groups

    mutating func checkGroups() {
        for (index, entry) in catalog.entries.enumerated() {
            if let name = entry.group {
                guard let group = catalog.groups.first(where: { $0.name == name }) else {
                    report(
                        .unknownReference,
                        entry: index,
                        key: "group",
                        "'\(entry.name)' names group '\(name)', which the catalog does not declare"
                            + Suggestion.hint(for: name, in: catalog.groups.map(\.name))
                    )
                    continue
                }
                if let code = entry.code?.integerValue, !group.codes.contains(code) {
                    report(
                        .codeOutsideGroup,
                        entry: index,
                        key: "code",
                        "code \(code) of '\(entry.name)' is outside its group '\(group.name)' "
                            + "(\(group.codes.lowerBound)...\(group.codes.upperBound)); change the code or the group"
                    )
                }
            } else if !catalog.groups.isEmpty, let code = entry.code?.integerValue,
                !catalog.groups.contains(where: { $0.codes.contains(code) })
            {
                report(
                    .codeOutsideGroup,
                    entry: index,
                    key: "code",
                    "code \(code) of '\(entry.name)' is in no group's range; widen a group, add one, or name one "
                        + "with 'group'"
                )
            }
        }
    }

    // MARK: Operations

    mutating func checkOperations() {
        for (index, operation) in catalog.operations.enumerated() {
            let map = index < sourceMap.operations.count ? sourceMap.operations[index] : sourceMap.root
            for (position, name) in operation.codes.enumerated() {
                let location = map["codes.\(position)"]
                guard let entry = catalog.entry(named: name) else {
                    report(
                        .unknownReference,
                        "operation '\(operation.name)' lists '\(name)', which is not an entry of this catalog"
                            + Suggestion.hint(for: name, in: catalog.entries.map(\.name)),
                        at: location
                    )
                    continue
                }
                if entry.origin == .client {
                    report(
                        .clientOriginInOperation,
                        "operation '\(operation.name)' lists '\(name)', which only the client produces; a server never "
                            + "answers with it, so remove it from 'codes'",
                        at: location
                    )
                }
            }
        }
    }

    // MARK: Close codes

    mutating func checkCloseCodes() {
        for (index, closeCode) in catalog.closeCodes.enumerated() {
            let map = index < sourceMap.closeCodes.count ? sourceMap.closeCodes[index] : sourceMap.root
            let code = closeCode.code
            // 1004–1006 and 1015 are defined never to be sent (§7.4.1); the rest of 1000–2999 is the protocol's own.
            let isProtocolCode =
                (1000...2999).contains(code.rawValue) && !(1004...1006).contains(code.rawValue)
                && code.rawValue != 1015
            if !code.mayBeSentInCloseFrame && !isProtocolCode {
                report(
                    .reservedCloseCode,
                    "close code \(code) of '\(closeCode.name)' must never be sent in a Close frame (RFC 6455 §7.4.1); "
                        + "use an application code in 4000–4999",
                    at: map["code"]
                )
            } else if code.rawValue < 3000 {
                report(
                    .reservedCloseCode,
                    "close code \(code) of '\(closeCode.name)' is reserved for the WebSocket protocol itself "
                        + "(1000–2999); use an application code in 4000–4999",
                    at: map["code"]
                )
            }
            if let reason = closeCode.reason, reason.utf8.count > WebSocketCloseReason.maximumByteCount {
                report(
                    .closeReasonTooLong,
                    "the reason of close code '\(closeCode.name)' is \(reason.utf8.count) bytes of UTF-8; a Close frame "
                        + "holds at most \(WebSocketCloseReason.maximumByteCount), so shorten it",
                    at: map["reason"]
                )
            }
        }
    }

    // MARK: Docs

    mutating func checkDocs() {
        if let docs = catalog.docs {
            let sample = (try? docs.render { _ in "x" }) ?? ""
            if !Self.isDocsURL(sample) {
                report(
                    .malformedDocs,
                    "'docs' renders '\(sample)', which is not an absolute URL or path; write it like "
                        + "'https://example.com/errors#{code}'",
                    at: sourceMap.root["docs"]
                )
            }
        }
        for (index, entry) in catalog.entries.enumerated() {
            guard let docs = entry.docs, !Self.isDocsURL(docs) else { continue }
            report(
                .malformedDocs,
                entry: index,
                key: "docs",
                "'docs' of '\(entry.name)' is '\(docs)', which is not an absolute URL or path; write it like "
                    + "'https://example.com/probs/out-of-credit'"
            )
        }
    }

    private static func isDocsURL(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://") || text.hasPrefix("/")) && !text.contains(" ")
    }
}
