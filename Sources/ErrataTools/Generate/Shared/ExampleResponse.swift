import Errata
import HTTPTypes

/// A real response for one catalog entry, as generated documentation shows it: the entry rendered by
/// `ErrorRenderer` with sample values for everything that varies.
///
/// Sample values are fixed, so generated pages are the same bytes on every run: `abc` for a string parameter, `42`
/// for an integer, request id `1`, a retry-after of 30 seconds for entries with `retry: after`, and one field error
/// on `name` for entries with `fields: true`.
package struct ExampleResponse {
    /// The occurrence rendered.
    var occurrence: APIError
    /// The HTTP status, or `nil` for an entry without one (a WebSocket status packet).
    var status: HTTPResponse.Status?
    /// The response's header fields, in order; empty for a packet.
    var headerFields: [(name: String, value: String)]
    /// The body, parsed back from the rendered bytes; `nil` when the status carries no content.
    var body: JSONValue?
    /// The rendered bytes as the server writes them.
    var bodyBytes: [UInt8]

    /// The entry's example, or `nil` for a client-origin entry (a server never sends it, so there is no response
    /// to show).
    init?(entry: ErrorEntry, renderer: ErrorRenderer) {
        guard entry.origin == .server else { return nil }
        let occurrence = Self.occurrence(of: entry, in: renderer.catalog)
        self.occurrence = occurrence
        if entry.status == nil {
            status = nil
            headerFields = []
            bodyBytes = renderer.body(for: occurrence)
        } else {
            let rendered = renderer.render(occurrence)
            status = rendered.status
            headerFields = rendered.headerFields.map { (name: $0.name.rawName, value: $0.value) }
            bodyBytes = rendered.body
        }
        body = bodyBytes.isEmpty ? nil : try? JSONParser().parse(bodyBytes)
    }

    /// The body as indented JSON, or the raw bytes as text if they are not JSON.
    var bodyText: String {
        body.map(PrettyJSON.text) ?? String(decoding: bodyBytes, as: UTF8.self)
    }

    /// The response as `curl -i` shows it (status line, header fields, blank line, indented body), or the body
    /// alone for a packet.
    var text: String {
        guard let status else { return bodyText }
        var lines = ["HTTP/1.1 \(status.code) \(status.reasonPhrase)"]
        lines += headerFields.map { "\($0.name): \($0.value)" }
        if body != nil || !bodyBytes.isEmpty { lines += ["", bodyText] }
        return lines.joined(separator: "\n")
    }

    /// What the sample values are, in words: `memberRef = "abc", a field error on "name"`; empty when none.
    var sampleDescription: String {
        // The entry's constants are not samples: the entry always has them.
        let constants = occurrence.entry.constants
        var parts = occurrence.parameters.filter { constants[$0.key] == nil }.sorted { $0.key < $1.key }
            .map { "\($0.key) = \"\($0.value)\"" }
        if !occurrence.fieldErrors.isEmpty {
            parts += occurrence.fieldErrors.map { "a field error on \"\($0.field)\"" }
        }
        if occurrence.retryAfter != nil { parts.append("a retry-after of 30 seconds") }
        return parts.joined(separator: ", ")
    }

    // MARK: Sample values

    /// The occurrence shown for an entry.
    package static func occurrence(of entry: ErrorEntry, in catalog: ErrorCatalog) -> APIError {
        let types = Dictionary(entry.parameters.map { ($0.name, $0.type) }) { first, _ in first }
        var parameters: [String: String] = [:]
        let constants = entry.constants
        for name in entry.parameterNames where constants[name] == nil {
            parameters[name] = sampleValue(of: types[name] ?? .string)
        }
        var fieldErrors: [FieldError] = []
        if entry.hasFieldErrors {
            fieldErrors.append(sampleFieldError(for: catalog.envelope))
        }
        return APIError(
            unchecked: entry,
            parameters: parameters,
            fieldErrors: fieldErrors,
            retryAfter: entry.retry == .after ? .seconds(30) : nil,
            requestID: 1
        )
    }

    /// The sample value of a parameter of this type.
    static func sampleValue(of type: ParameterType) -> String {
        switch type {
        case .integer: "42"
        case .number: "1.5"
        case .boolean: "true"
        default: "abc"
        }
    }

    /// A field error on `name`, with every attribute the item template uses: the first documented value of a
    /// described attribute, else an integer (100, 101, …).
    static func sampleFieldError(for envelope: Envelope) -> FieldError {
        let item = envelope.fieldErrors?.item.placeholders ?? []
        let described = envelope.fieldErrors?.attributes ?? []
        var attributes: [JSONValue.Member] = []
        for placeholder in item {
            guard case .attribute(let name) = FieldErrorVariable(placeholder.name) else { continue }
            if !attributes.contains(where: { $0.key == name }) {
                let documented = described.first { $0.name == name }?.values.first.map { JSONValue.string($0.value) }
                attributes.append(JSONValue.Member(name, documented ?? .integer(100 + attributes.count)))
            }
        }
        return FieldError(field: "name", message: "Value is too long.", attributes: attributes)
    }
}
