public import HTTPTypes

/// The few facts about a request that the responder core needs, taken from the framework's own request type.
@_spi(ErrataIntegration)
public struct ResponderRequest: Sendable {
    /// The method.
    public var method: HTTPRequest.Method
    /// The `Accept` header, for envelope negotiation.
    public var accept: String?
    /// The route that answered, in the router's form (`/members/:ref`, `*`, `**`); `nil` when no route matched.
    public var endpoint: String?
    private let pathSource: PathSource

    /// Where the path comes from: a framework whose path costs a percent-decoding pass (Vapor's `URI.path`) hands
    /// over a closure, read only by the unmatched-route answer and by log lines, neither of them on the path a
    /// catalog error takes.
    private enum PathSource: Sendable {
        case value(String)
        case deferred(@Sendable () -> String)
    }

    /// The path, without the query.
    public var path: String {
        switch pathSource {
        case .value(let path): path
        case .deferred(let read): read()
        }
    }

    /// Creates a request summary.
    public init(method: HTTPRequest.Method, path: String, accept: String?, endpoint: String?) {
        self.method = method
        self.pathSource = .value(path)
        self.accept = accept
        self.endpoint = endpoint
    }

    /// Creates a request summary whose path is read only when the responder needs it.
    public init(method: HTTPRequest.Method, path: @escaping @Sendable () -> String, accept: String?, endpoint: String?)
    {
        self.method = method
        self.pathSource = .deferred(path)
        self.accept = accept
        self.endpoint = endpoint
    }
}
