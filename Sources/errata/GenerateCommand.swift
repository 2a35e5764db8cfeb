import ArgumentParser
import Errata
import ErrataTools
import Foundation

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a reference page, an OpenAPI document, a JSON Schema or Swift types from a catalog.",
        discussion: """
            FORMAT is markdown (a reference page), html (the same page as one self-contained HTML file, with \
            search), openapi (OpenAPI 3.1 JSON: the error body schema, a response per HTTP status with an example \
            per entry, and the operations' routes), json-schema (a JSON Schema 2020-12 for the error body) or swift \
            (a type with a constructor per entry, a Case enum recognising decoded errors, and the catalog embedded; \
            what ErrataPlugin runs). Output goes to standard output, or to the file --output names.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, openapi
        case jsonSchema = "json-schema"
        case swift

        func generate(_ catalog: ErrorCatalog) -> String {
            switch self {
            case .markdown: MarkdownGenerator.generate(catalog)
            case .html: ReferencePage(catalog: catalog).page()
            case .openapi: OpenAPIGenerator.generate(catalog)
            case .jsonSchema: JSONSchemaGenerator.generate(catalog)
            case .swift: SwiftGenerator.generate(catalog)
            }
        }
    }

    @Argument(
        help: ArgumentHelp("What to generate: markdown, html, openapi, json-schema or swift.", valueName: "FORMAT")
    )
    var format: Format

    @Argument(help: ArgumentHelp("A catalog file or bundled catalog id.", valueName: "CATALOG"))
    var catalog: String

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "PATH")
    )
    var output: String?

    func run() async throws {
        let catalog = try CatalogArgument.load(self.catalog)
        let text = format.generate(catalog)
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            printError("error: cannot write '\(output)': \(Self.reason(for: output))")
            throw ExitCode(1)
        }
    }

    /// Why a file cannot be written, in words.
    private static func reason(for path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a folder; name a file"
        }
        if !FileManager.default.fileExists(atPath: folder) { return "the folder '\(folder)' does not exist" }
        return "the folder is not writable"
    }
}
