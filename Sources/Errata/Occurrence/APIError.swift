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
    /// The entry, shared by every occurrence of it: the renderer finds its compiled form through this.
    var identity: EntryIdentity
    /// The parameter values in the order of ``EntryIdentity/parameterNames`` (`nil`: no value); empty when none
    /// has a value. Read by position on the render hot path, so rendering never hashes a parameter name.
    var values: [String?]

    /// The catalog entry.
    ///
    /// Setting it keeps the values of the parameters the new entry also has.
    public var entry: ErrorEntry {
        get { identity.entry }
        set {
            let parameters = self.parameters
            identity = EntryIdentity(entry: newValue, index: nil)
            values = identity.values(from: parameters)
        }
    }

    /// The values of the entry's template parameters, by name.
    ///
    /// Built from the values on each read; setting a name the entry has no parameter for drops it.
    public var parameters: [String: String] {
        get {
            var parameters: [String: String] = [:]
            for (name, value) in zip(identity.parameterNames, values) {
                if let value { parameters[name] = value }
            }
            return parameters
        }
        set { values = identity.values(from: newValue) }
    }
    /// Per-field errors, in order.
    public var fieldErrors: [FieldError] = []
    /// How long the client should wait before retrying.
    public var retryAfter: Duration? = nil
    /// A URI identifying this occurrence (RFC 9457 `instance`).
    public var instance: String? = nil
    /// Free-form JSON for envelopes with a `details` member.
    public var details: JSONValue? = nil
    /// The request or packet id, for envelopes with a `requestID` member (BlazeAuth's status packet `id`).
    public var requestID: JSONValue? = nil
    /// Further response headers.
    public var headerFields: HTTPFields = [:]
    /// What went wrong inside, for logs. Never rendered.
    public var underlyingError: (any Error & Sendable)? = nil

    // No initializer is declared here: they are in the extension below, so that the compiler synthesises the
    // memberwise `init(identity:values:fieldErrors:…)` they all delegate to. Written by hand, that initializer built
    // the occurrence in a temporary, then retained every reference of it for the result and released the temporary
    // (the optimiser leaves the pair in): a retain and a release of each reference on every error thrown.
}

extension APIError {
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
        try self.init(
            checking: EntryIdentity(entry: entry, index: nil),
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
    /// The name is looked up once, here; the occurrence then refers to the catalog's entry by position, which is
    /// how ``ErrorRenderer`` finds it again without a lookup.
    ///
    /// - Throws: ``ConstructionError`` when the catalog has no such entry, or a parameter is missing or unknown.
    public init(
        _ name: String,
        in catalog: borrowing ErrorCatalog,
        parameters: [String: String] = [:],
        fieldErrors: [FieldError] = [],
        retryAfter: Duration? = nil,
        instance: String? = nil,
        details: JSONValue? = nil,
        requestID: JSONValue? = nil,
        headerFields: HTTPFields = [:],
        underlyingError: (any Error & Sendable)? = nil
    ) throws(ConstructionError) {
        guard let identity = catalog.identity(named: name) else {
            throw ConstructionError("catalog '\(catalog.id)' has no entry named '\(name)'")
        }
        try self.init(
            checking: identity,
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

    private init(
        checking identity: EntryIdentity,
        parameters: [String: String],
        fieldErrors: [FieldError],
        retryAfter: Duration?,
        instance: String?,
        details: JSONValue?,
        requestID: JSONValue?,
        headerFields: HTTPFields,
        underlyingError: (any Error & Sendable)?
    ) throws(ConstructionError) {
        let entry = identity.entry
        let names = identity.parameterNames
        for (position, name) in names.enumerated() {
            let constant = position < identity.constants.count ? identity.constants[position] : nil
            switch (parameters[name], constant) {
            case (nil, nil):
                throw ConstructionError(
                    "'\(entry.name)' needs a value for parameter '\(name)'"
                        + " (its parameters: \(names.joined(separator: ", ")))"
                )
            case (let value?, let constant?) where value != constant:
                throw ConstructionError(
                    "'\(entry.name)' fixes parameter '\(name)' at '\(constant)', not '\(value)'; leave it out"
                )
            default:
                break
            }
        }
        // Checked without sorting or copying the keys: this runs for every error a server throws. Only a mistake
        // pays for the sort, which makes the message name the same unknown parameter every time.
        if parameters.keys.contains(where: { !names.contains($0) }) {
            let name = parameters.keys.filter { !names.contains($0) }.min()!
            let known = names.isEmpty ? "it has no parameters" : "its parameters: \(names.joined(separator: ", "))"
            throw ConstructionError("'\(entry.name)' has no parameter '\(name)' (\(known))")
        }
        self.init(
            identity: identity,
            values: identity.values(from: parameters),
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
        let identity = EntryIdentity(entry: entry, index: nil)
        self.init(
            identity: identity,
            values: identity.values(from: parameters),
            fieldErrors: fieldErrors,
            retryAfter: retryAfter,
            instance: instance,
            details: details,
            requestID: requestID,
            headerFields: headerFields,
            underlyingError: underlyingError
        )
    }

    /// Creates an occurrence of the entry at `index` of `catalog`, with its parameter values in the order of
    /// ``ErrorEntry/parameterNames``, without checking them; a missing one renders as empty text, and a
    /// parameter with a ``ParameterDeclaration/constant`` always has its constant.
    ///
    /// For generated code, which knows each entry's position and parameters at compile time: no name is looked
    /// up and no dictionary built.
    ///
    /// - Precondition: `index` is a position in `catalog.entries`.
    ///
    /// The catalog is borrowed: an initializer takes its arguments owned by default, and handing over an owned
    /// ``ErrorCatalog`` made every call copy it, one retain and release for each of its references (measured as 5 %
    /// of a catalog error's whole path through Hummingbird).
    public init(
        unchecked index: Int,
        in catalog: borrowing ErrorCatalog,
        values: [String?] = [],
        fieldErrors: [FieldError] = [],
        retryAfter: Duration? = nil,
        instance: String? = nil,
        details: JSONValue? = nil,
        requestID: JSONValue? = nil,
        headerFields: HTTPFields = [:],
        underlyingError: (any Error & Sendable)? = nil
    ) {
        let identity = catalog.identity(at: index)
        self.init(
            identity: identity,
            values: identity.fillingConstants(values),
            fieldErrors: fieldErrors,
            retryAfter: retryAfter,
            instance: instance,
            details: details,
            requestID: requestID,
            headerFields: headerFields,
            underlyingError: underlyingError
        )
    }

    /// The rendered message, with the parameters filled in; `nil` when the entry has no message.
    public var message: String? {
        guard let template = entry.message else { return nil }
        return try? template.render { value(named: $0) ?? "" }
    }

    /// The value at a position of ``EntryIdentity/parameterNames``: the render hot path's only way to a value.
    @inline(__always)
    func value(at position: Int) -> String? {
        position < values.count ? values[position] : nil
    }

    /// A parameter's value by name, by a linear search of the entry's few parameter names.
    func value(named name: String) -> String? {
        identity.position(of: name).flatMap(value(at:))
    }

    /// The occurrence re-based on another identity of an entry of the same name (another catalog's, or the
    /// catalog's own for an entry given on its own): values moved to that entry's parameter order.
    func rebased(on other: EntryIdentity) -> APIError {
        var error = self
        if other.parameterNames != identity.parameterNames {
            error.values = other.fillingConstants(values.isEmpty ? [] : other.parameterNames.map { value(named: $0) })
        }
        error.identity = other
        return error
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
