public import HTTPTypes

/// One occurrence of a catalog error: the entry, and everything that varies from one response to the next.
///
/// Throw it from server code; ``ErrorRenderer`` turns it into exactly the response the catalog documents.
/// The ``underlyingError`` is for logs only and is never rendered.
///
/// ```swift
/// throw try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": ref])
/// ```
public struct APIError: Error, Sendable {
    /// The catalog entry.
    public var entry: ErrorEntry
    /// The values of the entry's template parameters, by name.
    public var parameters: [String: String]
    /// Per-field errors, in order.
    public var fieldErrors: [FieldError]
    /// How long the client should wait before retrying.
    public var retryAfter: Duration?
    /// A URI identifying this occurrence (RFC 9457 `instance`).
    public var instance: String?
    /// Free-form JSON for envelopes with a `details` member.
    public var details: JSONValue?
    /// The request or packet id, for envelopes with a `requestID` member (BlazeAuth's status packet `id`).
    public var requestID: JSONValue?
    /// Further response headers.
    public var headerFields: HTTPFields
    /// What went wrong inside, for logs. Never rendered.
    public var underlyingError: (any Error & Sendable)?

    /// Creates an occurrence of `entry`, checking that every parameter it uses has a value and no other is given.
    ///
    /// - Throws: ``ConstructionError`` naming the missing or unknown parameter.
    public init(
        _ entry: ErrorEntry,
        parameters: [String: String] = [:],
        fieldErrors: [FieldError] = [],
        retryAfter: Duration? = nil,
        instance: String? = nil,
        details: JSONValue? = nil,
        requestID: JSONValue? = nil,
        headerFields: HTTPFields = [:],
        underlyingError: (any Error & Sendable)? = nil
    ) throws(ConstructionError) {
        let names = entry.parameterNames
        for name in names where parameters[name] == nil {
            throw ConstructionError(
                "'\(entry.name)' needs a value for parameter '\(name)'"
                    + " (its parameters: \(names.joined(separator: ", ")))"
            )
        }
        // Checked without sorting or copying the keys: this runs for every error a server throws. Only a mistake
        // pays for the sort, which makes the message name the same unknown parameter every time.
        if parameters.keys.contains(where: { !names.contains($0) }) {
            let name = parameters.keys.filter { !names.contains($0) }.min()!
            let known = names.isEmpty ? "it has no parameters" : "its parameters: \(names.joined(separator: ", "))"
            throw ConstructionError("'\(entry.name)' has no parameter '\(name)' (\(known))")
        }
        self.init(
            unchecked: entry,
            parameters: parameters,
            fieldErrors: fieldErrors,
            retryAfter: retryAfter,
            instance: instance,
            details: details,
            requestID: requestID,
            headerFields: headerFields,
            underlyingError: underlyingError
        )
    }

    /// Creates an occurrence of the entry named `name` in `catalog`.
    ///
    /// - Throws: ``ConstructionError`` when the catalog has no such entry, or a parameter is missing or unknown.
    public init(
        _ name: String,
        in catalog: ErrorCatalog,
        parameters: [String: String] = [:],
        fieldErrors: [FieldError] = [],
        retryAfter: Duration? = nil,
        instance: String? = nil,
        details: JSONValue? = nil,
        requestID: JSONValue? = nil,
        headerFields: HTTPFields = [:],
        underlyingError: (any Error & Sendable)? = nil
    ) throws(ConstructionError) {
        guard let entry = catalog.entry(named: name) else {
            throw ConstructionError("catalog '\(catalog.id)' has no entry named '\(name)'")
        }
        try self.init(
            entry,
            parameters: parameters,
            fieldErrors: fieldErrors,
            retryAfter: retryAfter,
            instance: instance,
            details: details,
            requestID: requestID,
            headerFields: headerFields,
            underlyingError: underlyingError
        )
    }

    /// Creates an occurrence without checking its parameters; a missing one renders as empty text.
    ///
    /// For generated code, which checks parameters at compile time.
    public init(
        unchecked entry: ErrorEntry,
        parameters: [String: String] = [:],
        fieldErrors: [FieldError] = [],
        retryAfter: Duration? = nil,
        instance: String? = nil,
        details: JSONValue? = nil,
        requestID: JSONValue? = nil,
        headerFields: HTTPFields = [:],
        underlyingError: (any Error & Sendable)? = nil
    ) {
        self.entry = entry
        self.parameters = parameters
        self.fieldErrors = fieldErrors
        self.retryAfter = retryAfter
        self.instance = instance
        self.details = details
        self.requestID = requestID
        self.headerFields = headerFields
        self.underlyingError = underlyingError
    }

    /// The rendered message, with the parameters filled in; `nil` when the entry has no message.
    public var message: String? {
        guard let template = entry.message else { return nil }
        return try? template.render { parameters[$0] ?? "" }
    }

    /// A mistake in building an ``APIError``.
    public struct ConstructionError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var description: String

        init(_ description: String) {
            self.description = description
        }
    }
}

extension APIError: CustomStringConvertible {
    /// `MemberRefNotFound (404): Member 'abc' not found.` — for logs; never the underlying error.
    public var description: String {
        var text = entry.name
        if let status = entry.status { text += " (\(status.code))" }
        if let message { text += ": \(message)" }
        return text
    }
}
