import ArgumentParser
import Errata
import ErrataTools

/// Loads the one catalog a command works on, or explains why it cannot.
enum CatalogArgument {
    static func load(_ argument: String) throws -> ErrorCatalog {
        let files = try CatalogInputs.resolve([argument], option: "catalog")
        guard files.count == 1, let file = files.first else {
            throw ValidationError("catalog '\(argument)' holds \(files.count) catalogs; name one file.")
        }
        let loaded = CatalogLoader().load(path: file)
        guard let catalog = loaded.catalog else {
            for diagnostic in loaded.diagnostics where diagnostic.severity == .error {
                printError(diagnostic.description)
            }
            throw ValidationError("catalog '\(file)' has errors; 'errata lint \(file)' lists them.")
        }
        return catalog
    }
}
