public import HTTPTypes

/// An error response, ready for the wire: status, header fields and body bytes.
public struct RenderedError: Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The header fields: Content-Type, the entry's headers, Retry-After, and the occurrence's own.
    public var headerFields: HTTPFields
    /// The body, in the catalog's envelope; empty for statuses that carry no content (204, 304).
    public var body: [UInt8]
    /// The entry that was rendered: the occurrence's own, or the internal-error entry for anything else.
    public var entry: ErrorEntry
    /// Whether the internal-error entry stood in for an error that was not a catalog error (or was one a server
    /// must never send); the original belongs in the logs.
    public var isInternalError: Bool
    /// Header fields left out because their values held CR, LF or NUL (a response-splitting risk).
    public var droppedHeaderFields: [HTTPField.Name]
}
