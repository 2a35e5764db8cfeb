import Errata
import Foundation

/// Every public part of a catalog as `dump` prints it, compared with the dump `SwiftGeneratorTests` records from
/// the catalog the Swift was generated from (`Dumps/`): the embedded catalog is that catalog, field by field.
enum CatalogDump {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Dumps")

    static func text(_ catalog: ErrorCatalog) -> String {
        var text = ""
        dump(
            (
                formatVersion: catalog.formatVersion, id: catalog.id, title: catalog.title, version: catalog.version,
                docs: catalog.docs, envelope: catalog.envelope, groups: catalog.groups, entries: catalog.entries,
                closeCodes: catalog.closeCodes, operations: catalog.operations
            ),
            to: &text
        )
        // Private types print with their address, which changes from run to run.
        return text.replacing(#/\(unknown context at \$[0-9a-f]+\)/#, with: "(private)")
    }

    /// The dump recorded for the generated type `typeName`.
    static func recorded(_ typeName: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appending(path: "\(typeName).txt")), as: UTF8.self)
    }
}
