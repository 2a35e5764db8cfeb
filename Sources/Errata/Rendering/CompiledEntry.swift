import HTTPTypes

/// One catalog entry, compiled for rendering.
///
/// A class, immutable once built: looking an entry up retains one reference, where a struct this size was copied
/// field by field on every render (measured as most of a templated render's time).
final class CompiledEntry: Sendable {
    struct Header: Sendable {
        var name: HTTPField.Name
        var template: MessageTemplate
        var isConstant: Bool
        var constantValue: String
    }

    /// The identity occurrences of this entry carry when built from the renderer's catalog: compared by reference
    /// to find this compiled form without a lookup.
    let identity: EntryIdentity
    var entry: ErrorEntry { identity.entry }
    /// Whether a server sends this entry (client-origin entries render as the internal error).
    let isServerOrigin: Bool
    let status: HTTPResponse.Status
    let mayHaveContent: Bool
    /// The media type of the envelope the entry was compiled for (the internal-error fallback is a problem
    /// whatever the catalog's envelope).
    let contentType: String
    let headers: [Header]
    let body: BodyWriter
    /// The body when no hole has a value, handed out as it is: a static entry renders without allocating.
    let staticBody: [UInt8]
    /// Content-Type and the entry's headers when every header is constant, built once; `nil` when a header is a
    /// template over the parameters.
    let constantFields: HTTPFields?
    /// The constant headers left out of ``constantFields`` because their value is not a safe header value.
    let constantDropped: [HTTPField.Name]

    init(
        identity: EntryIdentity,
        template: JSONTemplate,
        catalog: ErrorCatalog,
        envelope: Envelope,
        fieldErrors: BodyWriter.FieldErrors
    ) {
        self.identity = identity
        let entry = identity.entry
        self.isServerOrigin = entry.origin == .server
        // Entries without an HTTP status (WebSocket statuses) still need one when rendered over HTTP.
        let status = entry.status ?? (entry.kind == .error ? .internalServerError : .ok)
        let definition = HTTPStatusRegistry.standard.definition(for: status.code)
        self.status = HTTPResponse.Status(
            code: status.code,
            reasonPhrase: definition?.reasonPhrase ?? status.reasonPhrase
        )
        let mayHaveContent = definition?.mayHaveContent ?? true
        self.mayHaveContent = mayHaveContent
        self.contentType = envelope.contentType
        // The entry's constant parameters are written into its templates here, once: a message or header over
        // constants alone is then constant, and the body program folds them into its fixed bytes.
        let constants = entry.constants
        let headers = entry.headers.compactMap { header -> Header? in
            guard let name = HTTPField.Name(header.name) else { return nil }
            let template = header.value.substituting(constants)
            let isConstant = template.isConstant
            return Header(
                name: name,
                template: template,
                isConstant: isConstant,
                constantValue: isConstant ? ((try? template.render { _ in "" }) ?? "") : ""
            )
        }
        self.headers = headers
        let reason = definition?.reasonPhrase ?? status.reasonPhrase
        let type = catalog.documentationURL(for: entry) ?? "about:blank"
        // A message without parameters is fixed for the entry; one with parameters is a hole.
        let message = entry.message?.substituting(constants)
        let constantMessage: JSONValue??
        if let message {
            constantMessage = message.isConstant ? .some(.string((try? message.render { _ in "" }) ?? "")) : nil
        } else {
            constantMessage = .some(nil)
        }
        // RFC 9457 §4.2.1: with `about:blank`, the title is the status's reason phrase.
        let title = envelope.format == .problem && type == "about:blank" ? reason : (entry.title ?? reason)
        let parameterTypes = Dictionary(entry.parameters.map { ($0.name, $0.type) }) { first, _ in first }
        let program = BodyProgram.compile(
            template,
            message: constantMessage == nil ? message : nil,
            parameterNames: identity.parameterNames,
            fold: { name -> JSONValue?? in
                switch EnvelopeVariable(name) {
                case .code:
                    switch entry.code {
                    case .integer(let value): .some(.integer(value))
                    case .string(let value): .some(.string(value))
                    case nil: .some(nil)
                    }
                case .name: .some(.string(entry.name))
                case .status: .some(entry.status.map { .integer($0.code) })
                case .reason: .some(entry.status == nil ? nil : .string(reason))
                case .title: .some(.string(title))
                case .type: .some(.string(type))
                case .message: constantMessage
                case .parameter(let parameter):
                    constants[parameter].map { .some((parameterTypes[parameter] ?? .string).jsonValue($0)) }
                case .instance, .errors, .details, .retryAfterSeconds, .retryAfterMilliseconds,
                    .retryAfterDecimalSeconds,
                    .requestID, nil:
                    nil
                }
            },
            hole: { name, names -> BodyProgram.Hole? in
                switch EnvelopeVariable(name) {
                case .instance: .instance
                case .errors: .errors
                case .details: .details
                case .retryAfterSeconds: .retryAfterSeconds
                case .retryAfterMilliseconds: .retryAfterMilliseconds
                case .retryAfterDecimalSeconds: .retryAfterDecimalSeconds
                case .requestID: .requestID
                case .parameter(let parameter):
                    .parameter(names.index(of: parameter), parameterTypes[parameter] ?? .string)
                // Fixed for the entry: folded into the program's constant bytes. A message with parameters is
                // written in line by the program.
                case .code, .name, .status, .reason, .title, .type, .message, nil: nil
                }
            }
        )
        let body = BodyWriter(program: program, fieldErrors: fieldErrors)
        self.body = body
        self.staticBody = body.body(for: APIError(identity: identity, values: []))

        if headers.allSatisfy(\.isConstant) {
            (constantFields, constantDropped) = Self.headerFields(
                headers,
                contentType: mayHaveContent ? envelope.contentType : nil,
                reserving: 0,
                value: \.constantValue
            )
        } else {
            (constantFields, constantDropped) = (nil, [])
        }
    }

    /// Content-Type (when given) and the headers with the values `value` gives them; a value that is not a safe
    /// header value is left out, and its name returned.
    static func headerFields(
        _ headers: [Header],
        contentType: String?,
        reserving extra: Int,
        value: (Header) -> String
    ) -> (HTTPFields, dropped: [HTTPField.Name]) {
        var fields = HTTPFields()
        var dropped: [HTTPField.Name] = []
        fields.reserveCapacity(1 + headers.count + extra)
        if let contentType { fields[.contentType] = contentType }
        for header in headers {
            let value = value(header)
            if ErrorRenderer.isSendable(header.name, value) {
                fields.append(HTTPField(name: header.name, value: value))
            } else {
                dropped.append(header.name)
            }
        }
        return (fields, dropped)
    }
}
