import ArgumentParser

/// The `errata` command: one catalog file as the single source of truth for an API's errors.
@main
struct ErrataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errata",
        abstract: "Errata: API error contracts from one catalog file.",
        discussion: """
            A catalog (NAME.errata.yaml) declares every status and error code an API can answer with. \
            'errata lint' checks catalogs; 'errata explain' tells what a status or code means.
            """,
        subcommands: [ServeCommand.self, LintCommand.self, ExplainCommand.self, RenderCommand.self, DecodeCommand.self, DiffCommand.self, GenerateCommand.self]
    )
}
