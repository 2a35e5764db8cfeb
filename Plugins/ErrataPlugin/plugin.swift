import Foundation
import PackagePlugin

/// Generates typed Swift for the one catalog file in a target (`NAME.errata.yaml`, `.errata.yml` or `.errata.json`)
/// with `errata-generate` (what `errata generate swift` does), into one file in the plugin's work directory.
///
/// Thin on purpose: everything about the catalog — loading, diagnostics, naming — is the generator's job. The
/// plugin finds the file, runs the tool, and says exactly what to add or remove when the target has no catalog or
/// more than one. The generator is a small executable of its own, not `errata`: `errata` links the server stack for
/// `errata serve`, which a client-only target that uses the plugin would otherwise have to build.
@main struct ErrataPlugin: BuildToolPlugin {
    /// The catalog file suffixes the tool reads.
    static let catalogSuffixes = [".errata.yaml", ".errata.yml", ".errata.json"]

    /// The generated file's name: fixed, so the build knows its output before running the tool. Distinctive, because
    /// a module may not hold two files with one name.
    static let outputFileName = "ErrataGenerated.swift"

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else {
            throw ErrataPluginError(
                "Target '\(target.name)' is not a Swift target; ErrataPlugin generates Swift, so add it to a Swift "
                    + "target's 'plugins:'."
            )
        }
        let catalog = try Self.catalog(
            in: target.sourceFiles.map(\.url),
            targetName: target.name,
            targetDirectory: target.directoryURL,
            packageDirectory: context.package.directoryURL
        )
        let output = context.pluginWorkDirectoryURL.appending(path: Self.outputFileName)
        return [
            .buildCommand(
                displayName: "Generating Swift for \(catalog.lastPathComponent) (Errata)",
                executable: try context.tool(named: "errata-generate").url,
                arguments: [
                    catalog.path(percentEncoded: false),
                    "--output", output.path(percentEncoded: false),
                ],
                inputFiles: [catalog],
                outputFiles: [output]
            )
        ]
    }

    /// The one catalog file among a target's files.
    ///
    /// - Throws: ``ErrataPluginError`` naming what to add where (no catalog) or which files to keep one of (several).
    static func catalog(
        in files: [URL],
        targetName: String,
        targetDirectory: URL,
        packageDirectory: URL
    ) throws -> URL {
        let catalogs = files.filter { file in catalogSuffixes.contains { file.lastPathComponent.hasSuffix($0) } }
            .sorted { $0.path < $1.path }
        switch catalogs.count {
        case 1:
            return catalogs[0]
        case 0:
            throw ErrataPluginError(
                "Target '\(targetName)' has no catalog file. Add one catalog file named NAME.errata.yaml (or "
                    + "NAME.errata.json) to \(relativePath(of: targetDirectory, in: packageDirectory))/, or remove ErrataPlugin from the target's 'plugins:'."
            )
        default:
            let names = catalogs.map { relativePath(of: $0, in: targetDirectory) }
            throw ErrataPluginError(
                "Target '\(targetName)' has \(catalogs.count) catalog files (\(names.joined(separator: ", "))); keep "
                    + "one, and move the others to targets of their own (one generated type per target)."
            )
        }
    }

    /// `url` relative to `base` (`Sources/MyTarget`), or the whole path when it is not inside it.
    private static func relativePath(of url: URL, in base: URL) -> String {
        let basePath = base.standardizedFileURL.path(percentEncoded: false)
        let path = url.standardizedFileURL.path(percentEncoded: false)
        let prefix = basePath.hasSuffix("/") ? basePath : basePath + "/"
        let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        return relative.hasSuffix("/") ? String(relative.dropLast()) : relative
    }
}

/// A target the plugin cannot generate code for, and what to change.
struct ErrataPluginError: Error, CustomStringConvertible, LocalizedError {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    var errorDescription: String? { description }
}
