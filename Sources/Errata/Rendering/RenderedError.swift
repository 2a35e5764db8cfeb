public import HTTPTypes

/// An error response, ready for the wire: status, header fields and body bytes.
///
/// A templated body is written when it is asked for: read ``body`` for an array, or hand the bytes to a buffer of
/// your own (a response's `ByteBuffer`) with ``withUnsafeBodyBytes(_:)``, which writes them into scratch space on the
/// stack, so that the buffer is allocated once at the body's size and no intermediate array is made. A body with
/// nothing to fill in is the entry's precomputed bytes, shared.
public struct RenderedError: Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The header fields: Content-Type, the entry's headers, Retry-After, and the occurrence's own.
    public var headerFields: HTTPFields
    /// The entry that was rendered: the occurrence's own, or the internal-error entry for anything else.
    public var entry: ErrorEntry {
        get { identity.entry }
        set { identity = EntryIdentity(entry: newValue, index: nil) }
    }
    /// Whether the internal-error entry stood in for an error that was not a catalog error (or was one a server
    /// must never send); the original belongs in the logs.
    public var isInternalError: Bool
    /// Header fields left out: those whose values held CR, LF or NUL (a response-splitting risk), and
    /// `Content-Length` and `Transfer-Encoding` given by an entry or an occurrence, which frame the body and are
    /// the adapter's to set.
    public var droppedHeaderFields: [HTTPField.Name]

    var identity: EntryIdentity
    private var content: Content
    /// The occurrence a pending body is written from. Kept beside ``content`` rather than in its case: a value bound
    /// out of an enum case is a copy (a retain and a release of each of the occurrence's references), where a stored
    /// property is passed to the body writer as it is.
    private let occurrence: APIError

    /// The body as the renderer left it.
    enum Content: Sendable {
        /// Bytes already there: a static entry's shared body, an empty one, or one set by hand.
        case bytes([UInt8])
        /// The occurrence's templated body, written on demand by its entry's body writer.
        case pending(CompiledEntry)
    }

    init(
        status: HTTPResponse.Status,
        headerFields: HTTPFields,
        content: Content,
        occurrence: APIError,
        identity: EntryIdentity,
        isInternalError: Bool,
        droppedHeaderFields: [HTTPField.Name]
    ) {
        self.status = status
        self.headerFields = headerFields
        self.content = content
        self.occurrence = occurrence
        self.identity = identity
        self.isInternalError = isInternalError
        self.droppedHeaderFields = droppedHeaderFields
    }

    /// Calls `body` with a pending entry's body writer, borrowed through an unretained reference that the rendered
    /// error keeps alive. Read through the reference bound out of ``content``, the writer was copied out of the
    /// entry, a retain and a release of each reference it holds (measured at 4 % of a catalog error's path through
    /// Hummingbird).
    private static func withWriter<Result>(
        of entry: CompiledEntry,
        _ body: (borrowing BodyWriter) throws -> Result
    ) rethrows -> Result {
        try Unmanaged.passUnretained(entry)._withUnsafeGuaranteedRef { try body($0.body) }
    }

    /// The body, in the catalog's envelope; empty for statuses that carry no content (204, 304).
    ///
    /// A templated body is written into a new array on each read; ``writeBody(into:)`` writes it without one.
    public var body: [UInt8] {
        get {
            switch content {
            case .bytes(let bytes): bytes
            case .pending(let entry): Self.withWriter(of: entry) { $0.body(for: occurrence) }
            }
        }
        set { content = .bytes(newValue) }
    }

    /// The body when it needs no writing (a static entry's precomputed bytes, shared by every response of that
    /// entry, or an empty body); `nil` when it is templated.
    public var sharedBody: [UInt8]? {
        if case .bytes(let bytes) = content { return bytes }
        return nil
    }

    /// Calls `body` with the body's bytes, valid only during the call: a templated body is written once into
    /// scratch space on the stack (or, past a kilobyte, into an array of its size), a precomputed one is lent as it
    /// is. The way to copy a body into a buffer of your own:
    ///
    /// ```swift
    /// let buffer = rendered.withUnsafeBodyBytes { ByteBuffer(bytes: $0) }
    /// ```
    ///
    /// - Returns: What `body` returns.
    public func withUnsafeBodyBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch content {
        case .bytes(let bytes): try bytes.withUnsafeBytes(body)
        case .pending(let entry):
            try Self.withWriter(of: entry) { writer in
                try writer.withBody(for: occurrence) { try body(UnsafeRawBufferPointer($0)) }
            }
        }
    }

    /// ``withUnsafeBodyBytes(_:)`` for Errata's adapters: not generic, so that calling it from another module
    /// runs code specialised here. The generic form, called across modules, looked up type metadata on every call
    /// (about 25 ns of a middleware's error path).
    @_spi(ErrataIntegration)
    public func withBodyBytes(_ body: (UnsafeRawBufferPointer) -> Void) {
        switch content {
        case .bytes(let bytes): bytes.withUnsafeBytes(body)
        case .pending(let entry):
            Self.withWriter(of: entry) { $0.withBody(for: occurrence) { body(UnsafeRawBufferPointer($0)) } }
        }
    }

    /// The exact size of the body in bytes, without writing it.
    ///
    /// A templated body is counted by running its program: to copy the body into a buffer of your own, prefer
    /// ``withUnsafeBodyBytes(_:)``, which writes it once.
    public var bodyByteCount: Int {
        switch content {
        case .bytes(let bytes): bytes.count
        case .pending(let entry): Self.withWriter(of: entry) { $0.byteCount(for: occurrence) }
        }
    }

    /// Writes the body into `buffer`, which must hold at least ``bodyByteCount`` bytes, and returns the number of
    /// bytes written (``bodyByteCount``).
    ///
    /// - Precondition: `buffer.count >= bodyByteCount`; a smaller buffer traps rather than being overrun.
    public func writeBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        switch content {
        case .bytes(let bytes):
            precondition(buffer.count >= bytes.count, "buffer smaller than bodyByteCount")
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            return bytes.count
        case .pending(let entry):
            return Self.withWriter(of: entry) { $0.write(occurrence, into: buffer) }
        }
    }
}

extension RenderedError {
    /// What went wrong inside the occurrence that was rendered, for logs; never rendered.
    package var underlyingError: (any Error & Sendable)? { occurrence.underlyingError }

    /// The position of the rendered entry in the catalog its identity comes from, if it has one; which catalog that
    /// is, this does not say.
    @usableFromInline
    package var entryPosition: Int? { identity.index }

    /// The rendered entry's position in `catalog` when it is that catalog's own entry (the same identity, compared
    /// by reference, as the renderer finds its compiled entries); `nil` for an entry of another catalog or one given
    /// on its own. Lets an integration keep per-entry state in an array instead of hashing the entry's name.
    package func index(in catalog: ErrorCatalog) -> Int? {
        guard let index = identity.index, index < catalog.entries.count, catalog.identity(at: index) === identity
        else { return nil }
        return index
    }
}
