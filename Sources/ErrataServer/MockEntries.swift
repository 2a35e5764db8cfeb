import Errata
import HTTPTypes

/// A catalog's entries as the mock finds them on every request: by the name or code in the path, with each entry's
/// parameter names, worked out once when the server starts.
///
/// Resolving `/mock/pluralkit/20003` by ``ErrataServer/resolve(_:in:)`` filtered every entry by code twice and
/// copied the matches, and building the occurrence computed the entry's parameter names again and made a new
/// identity for it, which the renderer then looked up by name: together the larger part of a mock answer's time.
struct MockEntries: Sendable {
    /// The position of the entry each name, and each code that only one entry has, stands for; a name wins over a
    /// code. Codes written as the catalog writes them (`20003`); any other spelling (`020003`), an unknown or an
    /// ambiguous choice goes to ``ErrataServer/resolve(_:in:)``, which says what is wrong.
    let positions: [String: Int]
    /// Each entry's ``ErrorEntry/parameterNames``, by position.
    let parameterNames: [[String]]
    /// Each entry's parameters that have a constant, by position.
    let constants: [Set<String>]

    init(_ catalog: ErrorCatalog, resolve: (String) -> ErrorEntry?) {
        var positions: [String: Int] = [:]
        for (position, entry) in catalog.entries.enumerated() where positions[entry.name] == nil {
            positions[entry.name] = position
        }
        for entry in catalog.entries {
            let key: String
            switch entry.code {
            case .integer(let value): key = String(value)
            case .string(let value): key = value
            case nil:
                guard let status = entry.status else { continue }
                key = String(status.code)
            }
            // The slow path decides, so that the table gives what it would.
            guard positions[key] == nil, let found = resolve(key),
                let position = catalog.entries.firstIndex(where: { $0.name == found.name })
            else { continue }
            positions[key] = position
        }
        self.positions = positions
        self.parameterNames = catalog.entries.map(\.parameterNames)
        self.constants = catalog.entries.map { Set($0.constants.keys) }
    }
}
