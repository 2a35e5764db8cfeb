/// Two lists of named items matched by name; items missing on one side may be paired as renames.
struct Matching<Item> {
    enum Step {
        /// The same name on both sides.
        case same(Item, Item)
        /// An old item whose name is gone, paired with a new item that is the same thing under another name.
        case renamed(Item, Item)
        /// An old item with no counterpart.
        case removed(Item)
    }

    /// What became of each old item, in the old order.
    var steps: [Step] = []
    /// New items with no counterpart, in the new order.
    var added: [Item] = []

    /// Matches items by name, then pairs each unmatched old item with the first unmatched new item that
    /// `isRename` accepts.
    init(
        _ old: [Item],
        _ new: [Item],
        name: (Item) -> String,
        isRename: (Item, Item) -> Bool = { _, _ in false }
    ) {
        let oldNames = Set(old.map(name))
        var newByName: [String: Item] = [:]
        for item in new where newByName[name(item)] == nil { newByName[name(item)] = item }
        var unmatchedNew = new.filter { !oldNames.contains(name($0)) }
        for item in old {
            if let counterpart = newByName[name(item)] {
                steps.append(.same(item, counterpart))
            } else if let index = unmatchedNew.firstIndex(where: { isRename(item, $0) }) {
                steps.append(.renamed(item, unmatchedNew.remove(at: index)))
            } else {
                steps.append(.removed(item))
            }
        }
        added = unmatchedNew
    }
}
