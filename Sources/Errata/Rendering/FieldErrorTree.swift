/// Field errors arranged by their dotted names, for ``Envelope/FieldErrorLayout/Layout/tree``:
/// `activities.0.platform` is the node `platform` under `0` under `activities`, and the empty name is the root.
///
/// Nodes are kept in one array and refer to their children by index, in order of first appearance.
struct FieldErrorTree {
    struct Node {
        var key: Substring
        /// Positions of the node's own field errors.
        var items: [Int] = []
        /// Positions of the child nodes in ``FieldErrorTree/nodes``.
        var children: [Int] = []
    }

    /// The deepest a name is split: the rest of a longer name is one key, so a name of a million dots neither
    /// recurses a million times nor loses its text (the decoder joins the keys back with dots).
    static let maximumDepth = 32

    /// The root first.
    private(set) var nodes: [Node] = [Node(key: "")]

    init(_ fieldErrors: [FieldError]) {
        for (index, fieldError) in fieldErrors.enumerated() {
            var node = 0
            for part in Self.path(of: fieldError.field) {
                if let child = nodes[node].children.first(where: { nodes[$0].key == part }) {
                    node = child
                } else {
                    nodes.append(Node(key: part))
                    nodes[node].children.append(nodes.count - 1)
                    node = nodes.count - 1
                }
            }
            nodes[node].items.append(index)
        }
    }

    /// A field's place in the tree: its name split at dots, at most ``maximumDepth`` levels.
    static func path(of field: String) -> [Substring] {
        field.isEmpty
            ? [] : field.split(separator: ".", maxSplits: maximumDepth - 1, omittingEmptySubsequences: false)
    }
}
