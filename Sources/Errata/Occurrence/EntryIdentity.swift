/// A catalog entry as every occurrence of it refers to it: built once per catalog entry and shared by reference.
///
/// An ``APIError`` carries one of these instead of a copy of its ``ErrorEntry``, so that passing an occurrence
/// around retains one reference, and the renderer finds the entry's compiled form by position, comparing
/// references, instead of hashing its name. The parameter names fix the order of the occurrence's values.
final class EntryIdentity: Sendable {
    let entry: ErrorEntry
    /// The entry's position in the catalog that built this identity; `nil` for an entry given on its own.
    let index: Int?
    /// The entry's parameter names (``ErrorEntry/parameterNames``), computed once: the order of
    /// ``APIError``'s values.
    let parameterNames: [String]

    init(entry: ErrorEntry, index: Int?) {
        self.entry = entry
        self.index = index
        self.parameterNames = entry.parameterNames
    }

    /// The position of a parameter among the values, by a linear search: entries have a handful of parameters,
    /// and this runs off the hot path (building an occurrence by name, rendering a templated header).
    func position(of name: String) -> Int? {
        parameterNames.firstIndex(of: name)
    }

    /// Values in ``parameterNames`` order from values by name; names that are not parameters are left out.
    func values(from parameters: [String: String]) -> [String?] {
        if parameters.isEmpty { return [] }
        return parameterNames.map { parameters[$0] }
    }
}
