public import HTTPTypes

/// The few facts about a request that the responder core needs, taken from the framework's own request type.
@_spi(ErrataIntegration)
public struct ResponderRequest: Sendable {
    /// The method.
    public var method: HTTPRequest.Method
    /// The `Accept` header, for envelope negotiation.
    public var accept: String?
    private let pathSource: PathSource
    /// The route that answered (`nil` when no route matched), as the responder finds its operation.
    let endpointSource: EndpointSource

    /// Where the path comes from: a framework whose path costs a percent-decoding pass (Vapor's `URI.path`) hands
    /// over a closure, read only by the unmatched-route answer and by log lines, neither of them on the path a
    /// catalog error takes.
    private enum PathSource: Sendable {
        case value(String)
        /// The request-target as it came (`/members/x?y=1`), whose path is taken out of it when read: a framework
        /// that has the target as a stored string (Hummingbird's `URI.string`) hands it over for a retain, where its
        /// path is a new string made on each read.
        case target(String)
        case deferred(@Sendable () -> String)
    }

    /// Where the matched route comes from: its endpoint string in the router's form (`/members/:ref`, `*`, `**`), or
    /// an object of the router's that stands for the route (Vapor's `Route`) with a closure that builds the string.
    /// The responder finds the route's operation by the object's identity, so that the string is built once per
    /// route rather than on every error.
    enum EndpointSource: Sendable {
        case none
        case value(String)
        case route(any AnyObject & Sendable, @Sendable () -> String)
    }

    /// The path, without the query.
    public var path: String {
        switch pathSource {
        case .value(let path): path
        case .target(let target): Self.path(ofTarget: target)
        case .deferred(let read): read()
        }
    }

    /// The path of a request-target: what comes before its query, after the scheme and authority of an
    /// absolute-form target (`http://host/x?y` → `/x`); `/` when that is empty.
    static func path(ofTarget target: String) -> String {
        var rest = target[...]
        if !rest.hasPrefix("/"), let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest[(rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex)...]
        }
        let path = rest[..<(rest.firstIndex(of: "?") ?? rest.endIndex)]
        return path.isEmpty ? "/" : String(path)
    }

    /// Creates a request summary.
    public init(method: HTTPRequest.Method, path: String, accept: String?, endpoint: String?) {
        self.method = method
        self.pathSource = .value(path)
        self.accept = accept
        self.endpointSource = endpoint.map { .value($0) } ?? .none
    }

    /// Creates a request summary from the request-target as it came (`/members/x?y=1`, or an absolute-form
    /// `http://host/members/x`), whose path is taken out of it only when the responder needs it.
    public init(method: HTTPRequest.Method, target: String, accept: String?, endpoint: String?) {
        self.method = method
        self.pathSource = .target(target)
        self.accept = accept
        self.endpointSource = endpoint.map { .value($0) } ?? .none
    }

    /// Creates a request summary whose path is read only when the responder needs it.
    public init(method: HTTPRequest.Method, path: @escaping @Sendable () -> String, accept: String?, endpoint: String?)
    {
        self.method = method
        self.pathSource = .deferred(path)
        self.accept = accept
        self.endpointSource = endpoint.map { .value($0) } ?? .none
    }

    /// Creates a request summary whose matched route is an object of the router's (`nil` when none matched), whose
    /// endpoint string `endpoint` builds when the responder first meets the route.
    ///
    /// - Parameters:
    ///   - route: The router's object for the matched route, compared by identity; it must stand for one route for
    ///     as long as it lives (Vapor's `Route` does).
    ///   - endpoint: Builds the route's endpoint string (`/members/:ref`).
    public init(
        method: HTTPRequest.Method,
        path: @escaping @Sendable () -> String,
        accept: String?,
        route: (any AnyObject & Sendable)?,
        endpoint: @escaping @Sendable () -> String
    ) {
        self.method = method
        self.pathSource = .deferred(path)
        self.accept = accept
        self.endpointSource = route.map { .route($0, endpoint) } ?? .none
    }
}
