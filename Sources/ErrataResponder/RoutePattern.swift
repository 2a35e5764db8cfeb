import HTTPTypes

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
        self.components = path.split(separator: "/").map { Self.isParameter($0) ? nil : String($0) }
    }

    /// Whether a path component is a parameter: `:name` and `*` as Hummingbird writes them, `{name}` as catalogs do.
    static func isParameter(_ component: Substring) -> Bool {
        component.hasPrefix(":") || component == "*" || (component.hasPrefix("{") && component.hasSuffix("}"))
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

    /// Whether Hummingbird's endpoint path (`/members/:ref`) is this route's path: the same components, with
    /// parameters where the pattern has them, whatever their names. The same as comparing the ``components`` of a
    /// pattern built from the path, without building it.
    ///
    /// Hand-written because the middleware asks it on every error of a routed request, where building a key from
    /// the path measured about a microsecond under load: this walks the path's bytes and allocates nothing.
    func matchesEndpoint(_ path: String) -> Bool {
        let bytes = path.utf8
        var index = bytes.startIndex
        var componentIndex = 0
        while index < bytes.endIndex {
            // Skip slashes, as `split(separator:)` drops empty components.
            guard bytes[index] != UInt8(ascii: "/") else {
                index = bytes.index(after: index)
                continue
            }
            let end = bytes[index...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            guard componentIndex < components.count else { return false }
            let component = path[index..<end]
            let isParameter = Self.isParameter(component)
            if let literal = components[componentIndex] {
                guard !isParameter, component == literal else { return false }
            } else if !isParameter {
                return false
            }
            componentIndex += 1
            index = end
        }
        return componentIndex == components.count
    }
}
