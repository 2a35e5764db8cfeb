import ArgumentParser
import Errata
import ErrataTools

/// How every command finds and loads its catalogs, and reports the ones that do not load.
///
/// The rule, the same for every command: an argument that names no catalog file (no such file or bundled id, an
/// empty folder, a folder where one file is needed) is a usage mistake: `error:` and exit status 64, as
/// ArgumentParser's own usage errors. A catalog that does not load prints its errors as compiler-style lines on standard
/// error and exits 1, with no usage line: the command was called correctly, and the catalog is what is wrong.
enum CatalogArgument {
    /// The catalog files that `arguments` name (files, folders, bundled catalog ids).
    ///
    /// - Parameter option: How the arguments are called in messages (`catalog`, `--catalog`, `OLD`).
    static func files(_ arguments: [String], option: String) throws(ExitCode) -> [String] {
        do {
            return try CatalogInputs.resolve(arguments, option: option)
        } catch {
            throw usageMistake(error.message)
        }
    }

    /// The one catalog `argument` names, loaded.
    static func load(_ argument: String, option: String = "catalog") throws(ExitCode) -> ErrorCatalog {
        let files = try files([argument], option: option)
        guard files.count == 1, let file = files.first else {
            throw usageMistake("\(option) '\(argument)' holds \(files.count) catalogs; name one catalog file.")
        }
        guard let catalog = loadFile(file, option: option) else { throw ExitCode.failure }
        return catalog
    }

    /// Every catalog `arguments` name, loaded; when any does not load, all their errors are printed first.
    static func loadAll(_ arguments: [String], option: String) throws(ExitCode) -> [ErrorCatalog] {
        let files = try files(arguments, option: option)
        let catalogs = files.map { loadFile($0, option: option) }
        guard catalogs.allSatisfy({ $0 != nil }) else { throw ExitCode.failure }
        return catalogs.compactMap(\.self)
    }

    /// The catalog in `file`, or `nil` after printing its errors and what to run to see them all.
    static func loadFile(_ file: String, option: String) -> ErrorCatalog? {
        let loaded = CatalogLoader().load(path: file)
        if let catalog = loaded.catalog { return catalog }
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error {
            printError(diagnostic.description)
        }
        printError("error: \(option) '\(file)' does not load; 'errata lint \(file)' lists every problem.")
        return nil
    }
}
