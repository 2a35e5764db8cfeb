import ArgumentParser
import ErrataTools
import Foundation

/// What ErrataPlugin runs: the Swift generator alone, so that a target using the plugin builds the catalog toolchain
/// (Errata, ErrataTools, Yams) and not the server stack that the full `errata` command links for `errata serve`.
///
/// `errata-generate CATALOG --output FILE` writes what `errata generate swift CATALOG --output FILE` writes, and
/// reports a catalog that does not load the same way: its errors on standard error, exit status 1.
@main
struct GenerateSwiftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errata-generate",
        abstract: "Generate Swift types from a catalog file (what ErrataPlugin runs; 'errata generate swift')."
    )

    @Argument(help: ArgumentHelp("The catalog file.", valueName: "CATALOG"))
    var catalog: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The Swift file to write.", valueName: "PATH"))
    var output: String

    func run() throws {
        let loaded = CatalogLoader().load(path: catalog)
        guard let catalog = loaded.catalog else {
            for diagnostic in loaded.diagnostics where diagnostic.severity == .error {
                Self.printError(diagnostic.description)
            }
            Self.printError(
                "error: catalog '\(self.catalog)' does not load; 'errata lint \(self.catalog)' lists every problem."
            )
            throw ExitCode.failure
        }
        do {
            try Data(SwiftGenerator.generate(catalog).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Self.printError("error: cannot write '\(output)': \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
