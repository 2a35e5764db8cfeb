import Errata
import HTTPTypes

/// Explains a status or code: the registry's facts, and every catalog entry and close code that uses it.
public struct Explainer: Sendable {
    /// The catalogs to search for entries, with the file each came from.
    public var catalogs: [ErrorCatalog]

    /// Creates an explainer over some catalogs (none: registries only).
    public init(catalogs: [ErrorCatalog] = []) {
        self.catalogs = catalogs
    }

    /// The explanation as text, or `nil` when neither a registry nor a catalog knows the code.
    public func explain(_ query: CodeQuery) -> String? {
        var writer = LineWriter()
        var found = false
        switch query.space {
        case .number(let number):
            if let definition = HTTPStatusRegistry.standard.definition(for: number) {
                describe(definition, into: &writer)
                found = true
            }
            found =
                listEntries(into: &writer, heading: "Catalog entries with code or status \(number)") {
                    $0.code == .integer(number) || $0.isSent(withStatus: number)
                } || found
            found = listCloseCodes(into: &writer) { $0.code.rawValue == number } || found
        case .webSocket(let code):
            if code.name != nil || code.range != .invalid {
                describe(code, into: &writer)
                found = code.name != nil
            }
            found = listCloseCodes(into: &writer) { $0.code == code } || found
        case .grpc(let code):
            if let name = code.name {
                writer.line("gRPC \(name) (\(code.rawValue))")
                if let meaning = code.meaning { writer.field("meaning", meaning) }
                writer.field(
                    "HTTP status",
                    "\(code.httpStatus.code) \(code.httpStatus.reasonPhrase) (canonical mapping)"
                )
                let inferredFrom = (100...599).filter {
                    GRPCStatusCode(fallbackFor: HTTPResponse.Status(code: $0)) == code
                }
                if !inferredFrom.isEmpty, code != .unknown {
                    writer.field(
                        "inferred from",
                        "HTTP " + inferredFrom.map(String.init).joined(separator: ", ")
                            + " when a response has no grpc-status"
                    )
                }
                found = true
            }
        case .text(let text):
            found = listEntries(into: &writer, heading: "Catalog entries with code or name '\(text)'") {
                $0.code == .string(text) || $0.name == text
            }
            found = listCloseCodes(into: &writer) { $0.name == text } || found
        }
        return found ? writer.text : nil
    }

    private func describe(_ definition: HTTPStatusDefinition, into writer: inout LineWriter) {
        writer.line("\(definition.code) \(definition.reasonPhrase)")
        writer.field("class", definition.statusClass.description)
        let registration =
            definition.registration.isRegistered && !definition.registration.isReserved
            ? "IANA-registered" : "\(definition.registration)"
        writer.field("registration", "\(registration); defined in \(definition.reference)")
        writer.field("meaning", definition.meaning)
        writer.field("content", definition.mayHaveContent ? "may carry content" : "never carries content")
        writer.field(
            "caching",
            definition.isHeuristicallyCacheable
                ? "heuristically cacheable (RFC 9110 §15.1)" : "cached only with explicit freshness"
        )
        for requirement in definition.headers {
            writer.field("header", "\(requirement.name) (\(requirement.level.rawValue)): \(requirement.note)")
        }
        writer.field(
            "retry",
            definition.isRetryable
                ? "a client may repeat the request, after any Retry-After delay"
                : "repeating the same request gives the same answer"
        )
    }

    private func describe(_ code: WebSocketCloseCode, into writer: inout LineWriter) {
        writer.line("WebSocket close code \(code)")
        writer.field("range", code.range.description)
        writer.field(
            "close frame",
            code.mayBeSentInCloseFrame ? "may be sent in a Close frame" : "must never be sent in a Close frame"
        )
        writer.field("reason", "at most \(WebSocketCloseReason.maximumByteCount) bytes of UTF-8")
    }

    private func listEntries(
        into writer: inout LineWriter,
        heading: String,
        where matches: (ErrorEntry) -> Bool
    ) -> Bool {
        var found = false
        for catalog in catalogs {
            for entry in catalog.entries where matches(entry) {
                if !found {
                    writer.blankLineIfNeeded()
                    writer.line(heading + ":")
                    found = true
                }
                var summary = "  \(catalog.id) \(entry.name)"
                if let code = entry.code { summary += "  code \(code)" }
                if let status = entry.status { summary += "  status \(status.code)" }
                if !entry.otherStatuses.isEmpty {
                    summary += " (also " + entry.otherStatuses.map { String($0.code) }.joined(separator: ", ") + ")"
                }
                if entry.kind != .error { summary += "  (\(entry.kind))" }
                if entry.origin == .client { summary += "  (client only)" }
                writer.line(summary)
                if let message = entry.message { writer.field("    message", message.source) }
                if let description = entry.description { writer.field("    description", description) }
                if entry.retry != .never { writer.field("    retry", entry.retry.rawValue) }
            }
        }
        return found
    }

    private func listCloseCodes(into writer: inout LineWriter, where matches: (CloseCodeEntry) -> Bool) -> Bool {
        var found = false
        for catalog in catalogs {
            for closeCode in catalog.closeCodes where matches(closeCode) {
                if !found {
                    writer.blankLineIfNeeded()
                    writer.line("Catalog close codes:")
                    found = true
                }
                writer.line("  \(catalog.id) \(closeCode.name)  close code \(closeCode.code.rawValue)")
                if let reason = closeCode.reason { writer.field("    reason", reason) }
                if let description = closeCode.description { writer.field("    description", description) }
                if closeCode.retry != .never { writer.field("    retry", closeCode.retry.rawValue) }
            }
        }
        return found
    }
}
