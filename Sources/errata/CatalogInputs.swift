import ErrataCatalogs
import Foundation

/// Turns command-line catalog arguments into catalog file paths.
///
/// An argument is a catalog file, a folder (searched recursively for `*.errata.yaml`, `*.errata.yml` and
/// `*.errata.json`), or the id of a bundled catalog (`pluralkit`).
enum CatalogInputs {
    static let suffixes = [".errata.yaml", ".errata.yml", ".errata.json"]

    /// An argument that names no catalog.
    struct NotACatalog: Error {
        var message: String
    }

    static func resolve(_ arguments: [String], option: String) throws(NotACatalog) -> [String] {
        var paths: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    let found = catalogFiles(in: argument)
                    guard !found.isEmpty else {
                        throw NotACatalog(
                            message: "\(option) '\(argument)' is a folder with no catalog files "
                                + "(\(suffixes.map { "*\($0)" }.joined(separator: ", ")))."
                        )
                    }
                    paths += found
                } else {
                    paths.append(argument)
                }
            } else if let bundled = BundledCatalogs.path(forID: argument) {
                paths.append(bundled)
            } else {
                throw NotACatalog(
                    message: "\(option) '\(argument)' is neither a file, a folder nor a bundled catalog "
                        + "(\(BundledCatalogs.ids.joined(separator: ", ")))."
                )
            }
        }
        return paths
    }

    static func catalogFiles(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if suffixes.contains(where: { relative.hasSuffix($0) }) {
                result.append(folder.hasSuffix("/") ? folder + relative : folder + "/" + relative)
            }
        }
        return result.sorted()
    }
}
