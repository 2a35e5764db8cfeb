import Foundation
import Testing

/// The rule every command follows for its catalogs: a catalog that does not load exits 1 with its diagnostics and no
/// usage line; an argument that names no catalog is a usage mistake (64).
@Suite struct CatalogRuleTests {
    /// A catalog with a misspelt key on line 6.
    static func brokenCatalog() throws -> String {
        try CommandRunner.temporaryFile(
            named: "broken.errata.yaml",
            "errata: 1\nid: members\ntitle: Members\nversion: 1.0.0\ncodes:\n  - { name: A, code: 1, stauts: 404 }\n"
        )
    }

    /// Every command that takes a catalog, with `CATALOG` where the catalog goes.
    static let commands: [[String]] = [
        ["render", "CATALOG", "A"],
        ["decode", "CATALOG", "--status", "404", "/dev/null"],
        ["generate", "markdown", "CATALOG"],
        ["explain", "404", "--catalog", "CATALOG"],
        ["diff", "pluralkit", "CATALOG"],
        ["lint", "CATALOG"],
        ["serve", "CATALOG", "--port", "0"],
    ]

    @Test(arguments: commands)
    func catalogThatDoesNotLoadExitsOneWithItsDiagnostics(_ command: [String]) throws {
        let broken = try Self.brokenCatalog()
        let output = try CommandRunner.run(CommandRunner.executable, command.map { $0 == "CATALOG" ? broken : $0 })
        #expect(output.status == 1, "\(output.standardOutput)\(output.standardError)")
        // Lint reports on standard output (it is its job); every other command on standard error, before anything.
        let report = command[0] == "lint" ? output.standardOutput : output.standardError
        #expect(report.contains("\(broken):6:"), "\(report)")
        #expect(report.contains("did you mean 'status'?"))
        #expect(!output.standardError.contains("Usage:"))
        if command[0] != "lint" {
            #expect(output.standardOutput.isEmpty)
            #expect(output.standardError.contains("'\(broken)' does not load; 'errata lint \(broken)' lists"))
        }
    }

    @Test(arguments: commands)
    func argumentNamingNoCatalogIsAUsageMistake(_ command: [String]) throws {
        let output = try CommandRunner.run(
            CommandRunner.executable,
            command.map { $0 == "CATALOG" ? "no/such/catalog.errata.yaml" : $0 }
        )
        #expect(output.status == 64, "\(output.standardOutput)\(output.standardError)")
        // The mistake is found while the command runs; ArgumentParser would show the root command's usage for it.
        #expect(!output.standardError.contains("Usage: errata <subcommand>"))
        #expect(
            output.standardError.contains("'no/such/catalog.errata.yaml' is neither a file, a folder nor a bundled")
        )
    }

    @Test func logLevelIsOneOfSwiftLogsLevels() throws {
        let output = try CommandRunner.run("serve", "--log-level", "verbose", "--port", "0")
        #expect(output.status == 64)
        #expect(output.standardError.contains("'verbose'"))
        let help = try CommandRunner.run("serve", "--help")
        #expect(help.standardOutput.contains("trace"))
        #expect(help.standardOutput.contains("critical"))
    }

    @Test func rootHelpListsEverySubcommand() throws {
        let output = try CommandRunner.run("--help")
        #expect(output.status == 0)
        let listed = output.standardOutput.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        for name in ["lint", "explain", "render", "decode", "generate", "diff", "serve"] {
            #expect(listed.contains("  \(name) "), "\(name) is missing from 'errata --help'")
            #expect(output.standardOutput.contains("'errata \(name)'"), "the overview does not mention \(name)")
        }
    }
}
