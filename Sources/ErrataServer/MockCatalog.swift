import Errata
import ErrataResponder
import HTTPTypes

/// A served catalog as the mock answers from it on every request: its responder, and its entries by the name or
/// code in the path with each entry's parameter names, worked out once when the server starts.
///
/// A class, found by the catalog's id with one lookup and passed on as one reference: copying the `ErrorCatalog`
/// out of the server's list retained each of its references, and resolving `/mock/pluralkit/20003` by
/// ``ErrataServer/resolve(_:in:)`` filtered every entry by code twice and copied the matches; building the
/// occurrence computed the entry's parameter names again and made a new identity for it, which the renderer then
/// looked up by name. Together they were the larger part of a mock answer's own time.
final class MockCatalog: Sendable {
    let catalog: ErrorCatalog
    let responder: CatalogErrorResponder
    /// The position of the entry each name, and each code that only one entry has, stands for; a name wins over a
    /// code. Codes written as the catalog writes them (`20003`); any other spelling (`020003`), an unknown or an
    /// ambiguous choice goes to ``ErrataServer/resolve(_:in:)``, which says what is wrong.
    let positions: [String: Int]
    /// Each entry's ``ErrorEntry/parameterNames``, by position.
    let parameterNames: [[String]]
    /// The same names as a query fills them: `nil` for a name the mock reads as a control item (`code`, `delay`, …),
    /// which never fills a parameter. Worked out here, where each query item was compared with every control name
    /// on each answer.
    let queryNames: [[String?]]
    /// Each entry's parameters that have a constant, by position.
    let constants: [Set<String>]
    /// Each entry's name and origin, by position.
    let names: [String]
    let origins: [ErrorEntry.Origin]

    init(_ catalog: ErrorCatalog) throws {
        self.catalog = catalog
        self.responder = try CatalogErrorResponder(catalog: catalog)
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
            guard positions[key] == nil, let found = try? ErrataServer.resolve(key, in: catalog),
                let position = positions[found.name]
            else { continue }
            positions[key] = position
        }
        self.positions = positions
        self.parameterNames = catalog.entries.map(\.parameterNames)
        self.queryNames = parameterNames.map { names in names.map { MockQuery.isControl($0) ? nil : $0 } }
        self.constants = catalog.entries.map { Set($0.constants.keys) }
        self.names = catalog.entries.map(\.name)
        self.origins = catalog.entries.map(\.origin)
    }
}
