public import Errata
public import HTTPTypes

/// An error response, read against the catalog: what every ErrataClient path throws for a status of 400 or more.
///
/// The catalog entry is ``entry`` when the response is one; a response the catalog does not know (a newer server's
/// new code, a proxy's HTML page) is still thrown as this error, unrecognised, with everything it said, never as a
/// decoding failure. A generated catalog's `Case` reads it with `init(_:)` on ``decoded``:
///
/// ```swift
/// catch let error as CatalogResponseError {
///     switch PluralKitErrors.Case(error.decoded) {
///     case .memberRefNotFound(let memberRef): …
///     case .unrecognized(let decoded): …
///     default: …
///     }
/// }
/// ```
public struct CatalogResponseError: Error, Sendable, CustomStringConvertible {
    /// The response, held by one reference.
    ///
    /// An error is copied on every hop of its way out: into the thrown box, out of it in the retry loop's `catch`,
    /// into the retry decision, into a second box, out of it in the caller's `catch`. Stored inline, each copy
    /// retained every string, array and dictionary of the `DecodedError` and its `ErrorEntry` (about forty
    /// references), which `perf` put ahead of the header conversion in the client paths; behind one reference a copy
    /// is one retain. A setter copies the storage only when it is shared (copy on write).
    private var storage: Storage

    /// The response's status.
    public var status: HTTPResponse.Status {
        get { storage.status }
        set { uniqueStorage().status = newValue }
    }

    /// The response's header fields.
    public var headerFields: HTTPFields {
        get { storage.headerFields }
        set { uniqueStorage().headerFields = newValue }
    }

    /// The response, decoded against the catalog; its ``DecodedError/rawBody`` holds the body as received, up to the
    /// decoder's size limit.
    ///
    /// A plain getter, which copies the `DecodedError` out: a `_read` accessor that lends it in place measured one
    /// allocation more per error across modules (the coroutine's frame) and no time saved in ErrataClientBenchmarks.
    public var decoded: DecodedError {
        get { storage.decoded }
        set { uniqueStorage().decoded = newValue }
    }

    /// How many times the request was sent before this response was given up on.
    ///
    /// Stored inline, not in the shared storage: the retry loop sets it on an error it has just caught, whose box
    /// may still hold the storage, and setting it must not copy the response.
    public var attempts: Int

    /// Creates an error from a decoded response.
    public init(status: HTTPResponse.Status, headerFields: HTTPFields, decoded: DecodedError, attempts: Int = 1) {
        self.storage = Storage(status: status, headerFields: headerFields, decoded: decoded)
        self.attempts = attempts
    }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(status: storage.status, headerFields: storage.headerFields, decoded: storage.decoded)
        }
        return storage
    }

    /// The response's parts, shared by copies of one error until one of them is changed.
    private final class Storage: @unchecked Sendable {
        // @unchecked: the members are mutated only through `uniqueStorage()`, by the one value that holds the
        // storage alone; a shared storage is only read.
        var status: HTTPResponse.Status
        var headerFields: HTTPFields
        var decoded: DecodedError

        init(status: HTTPResponse.Status, headerFields: HTTPFields, decoded: DecodedError) {
            self.status = status
            self.headerFields = headerFields
            self.decoded = decoded
        }
    }

    /// The catalog entry, when the response is one.
    public var entry: ErrorEntry? { storage.decoded.entry }

    /// Whether the response is a catalog entry.
    public var isRecognized: Bool { storage.decoded.isRecognized }

    /// The body bytes as received (up to the decoder's size limit).
    public var body: [UInt8] { storage.decoded.rawBody }

    /// The delay the response asks for, read in place (``decoded`` copies the whole decoded error out).
    var retryAfter: Duration? { storage.decoded.retryAfter }

    /// The server's retry advice, read in place.
    var retryAdvice: Bool? { storage.decoded.retryAdvice }

    public var description: String {
        var text = "HTTP \(status.code)"
        if let name = decoded.name { text += " \(name)" } else { text += " (not in the catalog)" }
        if let code = decoded.code { text += " code \(code)" }
        if let message = decoded.message { text += ": \(message)" }
        if let problem = decoded.problem { text += " [\(problem)]" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        return text
    }
}
