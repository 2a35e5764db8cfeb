public import HTTPTypes

/// The few facts about a request that the responder core needs, taken from the framework's own request type.
@_spi(ErrataIntegration)
public struct ResponderRequest: Sendable {
    /// The method.
    public var method: HTTPRequest.Method
    /// The path, without the query.
    public var path: String
    /// The `Accept` header, for envelope negotiation.
    public var accept: String?
    /// The route that answered, in the router's form (`/members/:ref`, `*`, `**`); `nil` when no route matched.
    public var endpoint: String?

    /// Creates a request summary.
    public init(method: HTTPRequest.Method, path: String, accept: String?, endpoint: String?) {
        self.method = method
        self.path = path
        self.accept = accept
        self.endpoint = endpoint
    }
}
