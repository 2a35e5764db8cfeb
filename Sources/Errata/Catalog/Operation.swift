/// An operation of an API and the entries it may answer with.
///
/// Operations tie the catalog to the API's surface: a route (`GET /members/{memberRef}`) or a numbered
/// WebSocket packet. Documentation lists each operation's answers; servers can check that they only answer
/// with those.
public struct Operation: Hashable, Sendable {
    /// The operation's unique symbol (`GetMember`).
    public var name: String
    /// The packet or operation number, for APIs that number them.
    public var id: Int?
    /// The HTTP route, as `METHOD /path`.
    public var route: String?
    /// What the operation does; for documentation only.
    public var description: String?
    /// The names of the entries it may answer with, in the order written.
    public var codes: [String]

    /// Creates an operation.
    public init(name: String, id: Int? = nil, route: String? = nil, description: String? = nil, codes: [String]) {
        self.name = name
        self.id = id
        self.route = route
        self.description = description
        self.codes = codes
    }
}
