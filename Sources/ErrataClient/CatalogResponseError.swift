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
    /// The response's status.
    public var status: HTTPResponse.Status
    /// The response's header fields.
    public var headerFields: HTTPFields
    /// The response, decoded against the catalog; its ``DecodedError/rawBody`` holds the body as received, up to the
    /// decoder's size limit.
    public var decoded: DecodedError
    /// How many times the request was sent before this response was given up on.
    public var attempts: Int

    /// Creates an error from a decoded response.
    public init(status: HTTPResponse.Status, headerFields: HTTPFields, decoded: DecodedError, attempts: Int = 1) {
        self.status = status
        self.headerFields = headerFields
        self.decoded = decoded
        self.attempts = attempts
    }

    /// The catalog entry, when the response is one.
    public var entry: ErrorEntry? { decoded.entry }

    /// Whether the response is a catalog entry.
    public var isRecognized: Bool { decoded.isRecognized }

    /// The body bytes as received (up to the decoder's size limit).
    public var body: [UInt8] { decoded.rawBody }

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
