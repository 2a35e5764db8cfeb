/// Where each part of a loaded catalog was written, so that checks on the model can point at the file.
public struct CatalogSourceMap: Hashable, Sendable {
    /// Where one mapping was written, and where each of its keys' values was.
    public struct Node: Hashable, Sendable {
        /// The mapping itself (for a list item, the item).
        public var location: SourceLocation
        /// The value of each key, by key; nested keys are dotted (`headers.Allow`, `params.memberRef`).
        public var keys: [String: SourceLocation] = [:]

        /// The location of `key`'s value, else of the mapping.
        public subscript(key: String) -> SourceLocation {
            keys[key] ?? location
        }
    }

    /// The file.
    public var file: String
    /// The document's top level.
    public var root: Node
    /// One per entry of `ErrorCatalog.entries`, in order.
    public var entries: [Node] = []
    /// One per close code.
    public var closeCodes: [Node] = []
    /// One per operation; `codes.N` is the N-th code it lists.
    public var operations: [Node] = []
    /// One per group.
    public var groups: [Node] = []

    /// A map with everything at the start of `file`.
    public init(file: String) {
        self.file = file
        self.root = Node(location: SourceLocation(file: file, line: 1, column: 1))
    }
}
