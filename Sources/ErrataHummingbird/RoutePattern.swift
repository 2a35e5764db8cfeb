public import HTTPTypes

/// A route as a catalog writes it (`GET /members/{memberRef}`), matched against request paths and Hummingbird's
/// endpoint paths (`/members/:memberRef`).
struct RoutePattern: Sendable, Hashable {
    let method: HTTPRequest.Method
    /// Path components; a parameter is `nil`, `**` is the string `**`.
    let components: [String?]

    /// Parses `METHOD /path`; `nil` when malformed.
    init?(_ route: String) {
        let parts = route.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let method = HTTPRequest.Method(String(parts[0])) else { return nil }
        self.init(method: method, path: String(parts[1]))
    }

    init(method: HTTPRequest.Method, path: String) {
        self.method = method
        self.components = path.split(separator: "/").map { component in
            if component.hasPrefix(":") || component == "*" || (component.hasPrefix("{") && component.hasSuffix("}")) {
                return nil
            }
            return String(component)
        }
    }

    /// Whether a request path (without query) fits the pattern's path.
    func matchesPath(_ path: String) -> Bool {
        let requested = path.split(separator: "/")
        if components.last == "**" {
            guard requested.count >= components.count - 1 else { return false }
        } else if requested.count != components.count {
            return false
        }
        for (pattern, component) in zip(components, requested) {
            if pattern == "**" { return true }
            if let pattern, pattern != component { return false }
        }
        return true
    }

    /// The key the middleware looks operations up by: method and path with every parameter written `:`.
    var key: String {
        "\(method.rawValue) /" + components.map { $0 ?? ":" }.joined(separator: "/")
    }
}
