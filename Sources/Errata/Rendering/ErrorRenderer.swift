import HTTPTypes

/// Renders catalog errors exactly as the catalog documents them.
///
/// Compile once, at start-up; each entry's envelope becomes static bytes with holes, so that rendering an
/// occurrence costs about as much as copying its bytes, and an occurrence with nothing that varies hands out a
/// precomputed body without allocating.
///
/// ```swift
/// let renderer = try ErrorRenderer(catalog: catalog)
/// let response = renderer.render(try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "abc"]))
/// // 404, Content-Type: application/json, {"code":20003,"message":"Member 'abc' not found."}
/// ```
public struct ErrorRenderer: Sendable {
    /// The catalog rendered.
    public let catalog: ErrorCatalog
    /// The envelope rendered.
    public let envelope: Envelope

    /// By position in the catalog: an occurrence built from this catalog finds its entry here by its identity's
    /// index, without hashing a name.
    private let compiled: [CompiledEntry]
    /// The same entries, unretained: ``compiled`` keeps them alive as long as the renderer. Read on the hot path,
    /// where retaining and releasing the entry looked up measured as 15 % of a templated body's time.
    private let unretained: [Unmanaged<CompiledEntry>]
    /// By name, first of each: for occurrences of entries from elsewhere (another catalog, or given on their own).
    private let compiledByName: [String: CompiledEntry]
    private let internalError: CompiledEntry

    /// Compiles a renderer.
    ///
    /// - Parameters:
    ///   - catalog: The catalog.
    ///   - envelope: The envelope to render in: the catalog's own (default) or one of its alternatives.
    ///   - internalErrorEntry: The entry that stands in for errors that are not catalog errors; default the
    ///     catalog's first 500 entry, else an RFC 9457 `about:blank` 500.
    /// - Throws: ``ConfigurationError`` when `internalErrorEntry` names no entry, or a client-origin one.
    public init(
        catalog: ErrorCatalog,
        envelope: Envelope? = nil,
        internalErrorEntry: String? = nil
    ) throws(ConfigurationError) {
        self.catalog = catalog
        let envelope = envelope ?? catalog.envelope
        self.envelope = envelope
        let fieldErrors = Self.fieldErrors(envelope.resolvedFieldErrors)
        let template = envelope.bodyTemplate
        let compiled = catalog.entries.indices.map { index in
            CompiledEntry(
                identity: catalog.identity(at: index),
                template: template,
                catalog: catalog,
                envelope: envelope,
                fieldErrors: fieldErrors
            )
        }
        var compiledByName: [String: CompiledEntry] = [:]
        for entry in compiled where compiledByName[entry.entry.name] == nil {
            compiledByName[entry.entry.name] = entry
        }
        self.compiled = compiled
        self.unretained = compiled.map { Unmanaged.passUnretained($0) }
        self.compiledByName = compiledByName
        let internalError: CompiledEntry
        if let name = internalErrorEntry {
            guard let entry = compiledByName[name] else {
                throw ConfigurationError("catalog '\(catalog.id)' has no entry '\(name)' to use for internal errors")
            }
            guard entry.entry.origin == .server else {
                throw ConfigurationError(
                    "entry '\(name)' of catalog '\(catalog.id)' is client-origin, which a server never sends; choose a "
                        + "server entry for internal errors"
                )
            }
            internalError = entry
        } else if let entry = catalog.entries.first(where: { $0.status?.code == 500 && $0.origin == .server }) {
            internalError = compiledByName[entry.name]!
        } else {
            let entry = ErrorEntry(name: "InternalServerError", status: .internalServerError)
            internalError = CompiledEntry(
                identity: EntryIdentity(entry: entry, index: nil),
                template: Envelope.problem.bodyTemplate,
                catalog: ErrorCatalog(id: catalog.id, title: catalog.title, entries: []),
                envelope: .problem,
                fieldErrors: Self.fieldErrors(Envelope.problem.resolvedFieldErrors)
            )
        }
        self.internalError = internalError
    }

    /// Compiles a field error layout's item template.
    private static func fieldErrors(_ layout: Envelope.FieldErrorLayout) -> BodyWriter.FieldErrors {
        let item = BodyProgram.compile(
            layout.item,
            fold: { _ in nil },
            hole: { name, names in
                switch FieldErrorVariable(name) {
                case .field: .field
                case .pointer: .pointer
                case .message: .itemMessage
                case .attribute(let attribute): .attribute(names.index(of: attribute))
                case nil: nil
                }
            }
        )
        return BodyWriter.FieldErrors(item: item, layout: layout.layout, leaf: layout.leaf)
    }

    /// A renderer that cannot be configured as asked.
    public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var description: String

        init(_ description: String) {
            self.description = description
        }
    }

    /// The entry that stands in for errors that are not catalog errors.
    public var internalErrorEntry: ErrorEntry {
        internalError.entry
    }

    // MARK: Rendering

    /// Renders any error: catalog errors as declared, anything else as the internal-error entry, whose body never
    /// contains the original error's text.
    public func render(_ error: any Error) -> RenderedError {
        if let apiError = error as? APIError { return render(apiError) }
        return renderInternalError()
    }

    /// The internal-error entry's response.
    private func renderInternalError() -> RenderedError {
        render(APIError(identity: internalError.identity, values: []), using: internalError, isInternalError: true)
    }

    /// The compiled entry an occurrence renders through, `nil` for the internal error: found by the identity's
    /// position and a reference comparison for an occurrence of this catalog's entries (the hot path), else by
    /// name.
    @inline(__always)
    private func compiledEntry(for error: APIError) -> CompiledEntry? {
        let identity = error.identity
        let entry: CompiledEntry?
        if let index = identity.index, index < compiled.count, compiled[index].identity === identity {
            entry = compiled[index]
        } else {
            entry = compiledByName[identity.entry.name]
        }
        guard let entry, entry.isServerOrigin, identity.entry.origin == .server else { return nil }
        return entry
    }

    /// Renders a catalog error.
    ///
    /// An entry from another catalog renders through its own definition here only if this catalog has an entry
    /// of that name; otherwise, and for client-origin entries (which a server never sends), the internal-error
    /// entry stands in.
    ///
    /// The occurrence is consumed: the rendered error keeps it (for a body written later, and for logs), so a caller
    /// that hands over its last use of it moves it in rather than copying it, a retain and a release of each of its
    /// references.
    public func render(_ error: consuming APIError) -> RenderedError {
        guard let entry = compiledEntry(for: error) else { return renderInternalError() }
        if entry.identity === error.identity {
            return render(error, using: entry, isInternalError: false)
        }
        return render(error.rebased(on: entry.identity), using: entry, isInternalError: false)
    }

    /// The body bytes alone, as ``render(_:)-(APIError)`` writes them.
    ///
    /// An entry this catalog does not have, or a client-origin one, gives the internal-error entry's body, with the
    /// occurrence's request id kept so that a status packet still answers its request.
    public func body(for error: APIError) -> [UInt8] {
        // The hot path: an occurrence of this catalog's own entry, borrowed from the table without a retain.
        let identity = error.identity
        if let index = identity.index, index < unretained.count {
            let body = unretained[index]._withUnsafeGuaranteedRef { entry -> [UInt8]? in
                guard entry.identity === identity, entry.isServerOrigin else { return nil }
                return entry.mayHaveContent ? self.body(for: error, using: entry) : []
            }
            if let body { return body }
        }
        guard let entry = compiledEntry(for: error) else {
            return body(
                for: APIError(identity: internalError.identity, values: [], requestID: error.requestID),
                using: internalError
            )
        }
        // As `render(_:)` sends it: no content for statuses that carry none (204, 205, 304).
        guard entry.mayHaveContent else { return [] }
        if entry.identity === error.identity { return body(for: error, using: entry) }
        return body(for: error.rebased(on: entry.identity), using: entry)
    }

    private func render(
        _ error: consuming APIError,
        using entry: CompiledEntry,
        isInternalError: Bool
    ) -> RenderedError {
        let content: RenderedError.Content
        if !entry.mayHaveContent {
            content = .bytes([])
        } else if entry.body.isStatic(for: error) {
            content = .bytes(entry.staticBody)
        } else {
            content = .pending(entry)
        }
        var fields: HTTPFields
        var dropped: [HTTPField.Name]
        if let constantFields = entry.constantFields {
            // Built once per entry and shared: copied only when the occurrence adds a field of its own.
            fields = constantFields
            dropped = entry.constantDropped
        } else {
            (fields, dropped) = CompiledEntry.headerFields(
                entry.headers,
                contentType: entry.mayHaveContent ? entry.contentType : nil,
                reserving: error.headerFields.count
            ) { header in
                header.isConstant
                    ? header.constantValue : ((try? header.template.render { error.value(named: $0) ?? "" }) ?? "")
            }
        }
        if let retryAfter = error.retryAfter {
            fields[.retryAfter] = String(Self.wholeSecondsRoundedUp(retryAfter))
        }
        for field in error.headerFields {
            // The occurrence's retry-after wins over a Retry-After given as a plain header: one, not two.
            if field.name == .retryAfter && error.retryAfter != nil { continue }
            if Self.isSendable(field.name, field.value) {
                fields.append(field)
            } else {
                dropped.append(field.name)
            }
        }
        return RenderedError(
            status: entry.status,
            headerFields: fields,
            content: content,
            occurrence: error,
            identity: entry.identity,
            isInternalError: isInternalError,
            droppedHeaderFields: dropped
        )
    }

    /// Each catalog entry's body with no hole filled, in catalog order: what ``RenderedError/sharedBody`` holds,
    /// sharing its storage, when an occurrence of that entry is static. An integration keeps these in its own
    /// buffer type once (a `ByteBuffer`), and hands out a copy instead of writing the bytes again.
    package var staticBodies: [[UInt8]] { compiled.map(\.staticBody) }

    func body(for error: APIError, using entry: CompiledEntry) -> [UInt8] {
        entry.body.isStatic(for: error) ? entry.staticBody : entry.body.body(for: error)
    }

    // MARK: WebSocket

    /// Renders a WebSocket status packet for a request: the envelope with `requestID` filled in (BlazeAuth's
    /// `{"id":5,"status":1}`).
    public func statusPacket(_ error: APIError, requestID: JSONValue) -> [UInt8] {
        var error = error
        error.requestID = requestID
        return body(for: error)
    }

    /// The close code and reason for a catalog close code: the reason cut to 123 bytes of UTF-8 on a character
    /// boundary.
    ///
    /// - Returns: `nil` when the catalog has no close code of that name.
    public func closeFrame(named name: String) -> (code: WebSocketCloseCode, reason: WebSocketCloseReason)? {
        guard let closeCode = catalog.closeCode(named: name) else { return nil }
        return (closeCode.code, WebSocketCloseReason(truncating: closeCode.reason ?? ""))
    }

    // MARK: Helpers

    static func isSafeHeaderValue(_ value: String) -> Bool {
        !value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }
    }

    /// Whether a field may be sent as an entry or an occurrence gives it: not when its value could split the
    /// response, nor when it frames the body (`Content-Length`, `Transfer-Encoding`), which only the adapter that
    /// writes the body knows; a declared `Content-Length` sent beside a body of another size breaks the connection.
    static func isSendable(_ name: HTTPField.Name, _ value: String) -> Bool {
        !name.framesBody && isSafeHeaderValue(value)
    }

    static func wholeSecondsRoundedUp(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        return attoseconds > 0 && seconds < Int64.max ? seconds + 1 : seconds
    }

    /// Whole milliseconds, rounded up; `Int64.max` for a delay too long to count in milliseconds (more than 292
    /// million years), which trapped on overflow before.
    static func wholeMillisecondsRoundedUp(_ duration: Duration) -> Int64 {
        let (seconds, milliseconds) = secondsAndMillisecondsRoundedUp(duration)
        let (scaled, overflows) = seconds.multipliedReportingOverflow(by: 1000)
        if overflows || scaled > Int64.max - milliseconds { return Int64.max }
        return scaled + milliseconds
    }

    /// Whole seconds and the milliseconds after them (0 to 999), the milliseconds rounded up; zero for a delay that
    /// is not positive.
    static func secondsAndMillisecondsRoundedUp(_ duration: Duration) -> (seconds: Int64, milliseconds: Int64) {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return (0, 0) }
        let perMillisecond: Int64 = 1_000_000_000_000_000
        let milliseconds = attoseconds / perMillisecond + (attoseconds % perMillisecond > 0 ? 1 : 0)
        if milliseconds < 1000 { return (seconds, milliseconds) }
        return (seconds == Int64.max ? seconds : seconds + 1, 0)
    }
}
