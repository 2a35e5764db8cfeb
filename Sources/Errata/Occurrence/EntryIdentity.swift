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
    /// Each parameter's constant (``ParameterDeclaration/constant``), in ``parameterNames`` order; empty when no
    /// parameter has one, which is the common case and costs nothing.
    let constants: [String?]

    init(entry: ErrorEntry, index: Int?) {
        self.entry = entry
        self.index = index
        let parameterNames = entry.parameterNames
        self.parameterNames = parameterNames
        let constants = entry.constants
        self.constants = constants.isEmpty ? [] : parameterNames.map { constants[$0] }
    }

    /// The position of a parameter among the values, by a linear search: entries have a handful of parameters,
    /// and this runs off the hot path (building an occurrence by name, rendering a templated header).
    func position(of name: String) -> Int? {
        parameterNames.firstIndex(of: name)
    }

    /// Values in ``parameterNames`` order from values by name, with the constants; names that are not parameters
    /// are left out.
    func values(from parameters: [String: String]) -> [String?] {
        if constants.isEmpty {
            if parameters.isEmpty { return [] }
            return parameterNames.map { parameters[$0] }
        }
        return zip(parameterNames, constants).map { name, constant in constant ?? parameters[name] }
    }

    /// `values` with the constants in the places that have one: generated code passes `nil` there.
    ///
    /// The values are consumed, so that an entry without constants hands the caller's array on as it is, without a
    /// retain and a release, and one with constants fills them in place when the caller held the only reference.
    func fillingConstants(_ values: consuming [String?]) -> [String?] {
        if constants.isEmpty { return values }
        var filled = values
        if filled.count < constants.count {
            filled += Array(repeating: nil, count: constants.count - filled.count)
        }
        for (position, constant) in constants.enumerated() where constant != nil { filled[position] = constant }
        return filled
    }
}
