import ArgumentParser
import Errata
import ErrataTools

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Tell what an HTTP status, WebSocket close code, gRPC status or catalog code means.",
        discussion: """
            CODE is an HTTP status (429 or http:429), a WebSocket close code (ws:1008), a gRPC status \
            (grpc:NOT_FOUND or grpc:5), or a catalog code or entry name (with --catalog). With catalogs, every \
            entry and close code using it is listed too.
            """
    )

    @Argument(help: "The code to explain.")
    var code: String

    @Option(name: .long, help: "A catalog file, folder or bundled catalog id to search too. Repeatable.")
    var catalog: [String] = []

    func run() async throws {
        let query: CodeQuery
        do {
            query = try CodeQuery(parsing: code)
        } catch {
            throw usageMistake(error.description)
        }
        let catalogs = try CatalogArgument.loadAll(catalog, option: "--catalog")
        guard let explanation = Explainer(catalogs: catalogs).explain(query) else {
            let scope = catalogs.isEmpty ? "the registries" : "the registries or the catalogs given"
            printError("error: '\(code)' is not a known code in \(scope).")
            if catalogs.isEmpty, case .text = query.space {
                printError(
                    "Catalog codes and entry names need --catalog, as in 'errata explain \(code) --catalog pluralkit'."
                )
            }
            throw ExitCode(1)
        }
        print(explanation, terminator: "")
    }
}
