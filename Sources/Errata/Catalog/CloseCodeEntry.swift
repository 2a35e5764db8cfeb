/// A WebSocket close code an API ends sessions with, as its catalog declares it.
///
/// Close codes end the whole session; they are distinct from the per-operation statuses in ``ErrorCatalog/entries``.
public struct CloseCodeEntry: Hashable, Sendable {
    /// The close code (4000–4999 for an application's own).
    public var code: WebSocketCloseCode
    /// The entry's unique symbol, in UpperCamelCase (`RateLimitHit`).
    public var name: String
    /// The reason text sent in the Close frame (at most 123 bytes of UTF-8).
    public var reason: String?
    /// When the server closes with it; for documentation only.
    public var description: String?
    /// Whether a client may reconnect.
    public var retry: ErrorEntry.RetryRule

    /// Creates a close code entry.
    public init(
        code: WebSocketCloseCode,
        name: String,
        reason: String? = nil,
        description: String? = nil,
        retry: ErrorEntry.RetryRule = .never
    ) {
        self.code = code
        self.name = name
        self.reason = reason
        self.description = description
        self.retry = retry
    }
}
