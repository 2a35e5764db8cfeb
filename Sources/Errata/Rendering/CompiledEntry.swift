import HTTPTypes

/// One catalog entry, compiled for rendering.
struct CompiledEntry: Sendable {
    struct Header: Sendable {
        var name: HTTPField.Name
        var template: MessageTemplate
        var isConstant: Bool
        var constantValue: String
    }

    let entry: ErrorEntry
    let status: HTTPResponse.Status
    let mayHaveContent: Bool
    /// The media type of the envelope the entry was compiled for (the internal-error fallback is a problem
    /// whatever the catalog's envelope).
    let contentType: String
    let headers: [Header]
    let program: BodyProgram
    /// The message's pieces: escaped literal bytes and parameter holes.
    let messagePieces: [BodyProgram.Piece]
    /// The body when no hole has a value.
    private(set) var staticBody: [UInt8] = []

    init(entry: ErrorEntry, template: JSONTemplate, catalog: ErrorCatalog, envelope: Envelope) {
        self.entry = entry
        // Entries without an HTTP status (WebSocket statuses) still need one when rendered over HTTP.
        let status = entry.status ?? (entry.kind == .error ? .internalServerError : .ok)
        let definition = HTTPStatusRegistry.standard.definition(for: status.code)
        self.status = HTTPResponse.Status(code: status.code, reasonPhrase: definition?.reasonPhrase ?? status.reasonPhrase)
        self.mayHaveContent = definition?.mayHaveContent ?? true
        self.contentType = envelope.contentType
        self.headers = entry.headers.compactMap { header in
            guard let name = HTTPField.Name(header.name) else { return nil }
            let isConstant = header.value.isConstant
            return Header(
                name: name,
                template: header.value,
                isConstant: isConstant,
                constantValue: isConstant ? ((try? header.value.render { _ in "" }) ?? "") : ""
            )
        }
        var pieces: [BodyProgram.Piece] = []
        for segment in entry.message?.segments ?? [] {
            switch segment {
            case .literal(let text):
                var bytes: [UInt8] = []
                JSONWriter.appendEscaped(text, to: &bytes)
                pieces.append(.bytes(bytes))
            case .placeholder(let placeholder):
                pieces.append(.hole(.parameter(placeholder.name, .string)))
            }
        }
        self.messagePieces = pieces

        let reason = definition?.reasonPhrase ?? status.reasonPhrase
        let type: String
        if let docs = catalog.docs {
            type =
                (try? docs.render { name in
                    switch name {
                    case "code": entry.code?.description ?? ""
                    case "name": entry.name
                    case "status": entry.status.map { String($0.code) } ?? ""
                    default: nil
                    }
                }) ?? "about:blank"
        } else {
            type = "about:blank"
        }
        // A message without parameters is fixed for the entry; one with parameters is a hole.
        let constantMessage: JSONValue??
        if let message = entry.message {
            constantMessage = message.isConstant ? .some(.string((try? message.render { _ in "" }) ?? "")) : nil
        } else {
            constantMessage = .some(nil)
        }
        // RFC 9457 §4.2.1: with `about:blank`, the title is the status's reason phrase.
        let title = envelope.format == .problem && type == "about:blank" ? reason : (entry.title ?? reason)
        let parameterTypes = Dictionary(entry.parameters.map { ($0.name, $0.type) }) { first, _ in first }
        self.program = BodyProgram.compile(
            template,
            fold: { name -> JSONValue?? in
                switch name {
                case "code":
                    switch entry.code {
                    case .integer(let value): .some(.integer(value))
                    case .string(let value): .some(.string(value))
                    case nil: .some(nil)
                    }
                case "name": .some(.string(entry.name))
                case "status": .some(entry.status.map { .integer($0.code) })
                case "reason": .some(entry.status == nil ? nil : .string(reason))
                case "title": .some(.string(title))
                case "type": .some(.string(type))
                case "message": constantMessage
                default: nil
                }
            },
            hole: { name -> BodyProgram.Hole? in
                switch name {
                case "message": return .message
                case "instance": return .instance
                case "errors": return .errors
                case "details": return .details
                case "retryAfterSeconds": return .retryAfterSeconds
                case "retryAfterMilliseconds": return .retryAfterMilliseconds
                case "requestID": return .requestID
                default:
                    guard name.hasPrefix("params.") else { return nil }
                    let parameter = String(name.dropFirst("params.".count))
                    return .parameter(parameter, parameterTypes[parameter] ?? .string)
                }
            }
        )
    }

    /// Whether the occurrence gives none of the holes a value, so the precomputed body is the answer.
    func isStatic(for error: APIError) -> Bool {
        for hole in program.holes {
            switch hole {
            case .message: return false
            case .instance: if error.instance != nil { return false }
            case .errors: if !error.fieldErrors.isEmpty { return false }
            case .details: if error.details != nil { return false }
            case .retryAfterSeconds, .retryAfterMilliseconds: if error.retryAfter != nil { return false }
            case .requestID: if error.requestID != nil { return false }
            case .parameter(let name, _): if error.parameters[name] != nil { return false }
            case .field, .pointer, .itemMessage, .attribute: return false
            }
        }
        return true
    }

    mutating func computeStaticBody(renderer: ErrorRenderer) {
        staticBody = renderer.body(for: APIError(unchecked: entry), using: self, allowingStatic: false)
    }
}
