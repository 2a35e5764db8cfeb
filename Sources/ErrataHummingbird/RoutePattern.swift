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

    /// The ``key`` of `RoutePattern(method:path:)`, without building the pattern.
    ///
    /// Hand-written because the middleware asks for it on every error of a routed request: one pass over the
    /// path's bytes and one string, where the pattern costs an array of components and a join.
    static func key(method: HTTPRequest.Method, path: String) -> String {
        var key = method.rawValue
        key.reserveCapacity(key.utf8.count + path.utf8.count + 2)
        key += " "
        let bytes = path.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            // Skip slashes, as `split(separator:)` drops empty components.
            guard bytes[index] != UInt8(ascii: "/") else {
                index = bytes.index(after: index)
                continue
            }
            let end = bytes[index...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            let component = path[index..<end]
            key += "/"
            if component.hasPrefix(":") || component == "*" || (component.hasPrefix("{") && component.hasSuffix("}")) {
                key += ":"
            } else {
                key += component
            }
            index = end
        }
        if key.utf8.last == UInt8(ascii: " ") { key += "/" }
        return key
    }
}
