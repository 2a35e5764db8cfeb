import ArgumentParser

/// The `errata` command: one catalog file as the single source of truth for an API's errors.
@main
struct ErrataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errata",
        abstract: "Errata: API error contracts from one catalog file.",
        discussion: """
            A catalog (NAME.errata.yaml) declares every status and error code an API can answer with. \
            'errata lint' checks catalogs, 'errata explain' tells what a status or code means, 'errata render' \
            shows the response for an entry and 'errata decode' reads one back, 'errata generate' writes \
            reference pages, OpenAPI, JSON Schema or Swift, 'errata diff' grades the changes between two \
            versions, and 'errata serve' serves reference pages and mock errors. A CATALOG argument is a file, \
            a folder or a bundled catalog id ('errata serve' with no catalogs serves them all).

            Exit status: 0 on success; 1 when a catalog does not load, or the command's check fails (lint, \
            diff --fail-on, decode); 64 for a usage mistake.
            """,
        subcommands: [
            LintCommand.self, ExplainCommand.self, RenderCommand.self, DecodeCommand.self, GenerateCommand.self,
            DiffCommand.self, ServeCommand.self,
        ]
    )
}
