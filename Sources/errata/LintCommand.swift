import ArgumentParser
import ErrataTools
import Foundation

struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check catalog files for mistakes and contract problems.",
        discussion: """
            Exit status: 0 when clean, 1 when any error is found (with --strict, also any warning). \
            An entry silences a rule on itself with `lint: { allow: [RULE], reason: "…" }`.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Catalog files, folders holding them, or bundled catalog ids.")
    var paths: [String] = []

    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Option(help: "Output format: text (compiler-style) or json.")
    var format: Format = .text

    @Flag(help: "List the rules with their ids and default severities, and exit.")
    var rules = false

    func validate() throws {
        if paths.isEmpty && !rules {
            throw ValidationError("Name at least one catalog file or folder, as in 'errata lint Catalogs'.")
        }
    }

    func run() async throws {
        if rules {
            for rule in LintRule.all {
                let id = rule.id + String(repeating: " ", count: max(1, 28 - rule.id.count))
                let severity = rule.severity.rawValue + String(repeating: " ", count: 9 - rule.severity.rawValue.count)
                print("\(id)\(severity)\(rule.summary)")
            }
            return
        }
        let files = try CatalogArgument.files(paths, option: "path")
        var diagnostics: [Diagnostic] = []
        for file in files {
            let loaded = CatalogLoader().load(path: file)
            diagnostics += loaded.diagnostics
            if let catalog = loaded.catalog {
                diagnostics += Linter().lint(catalog, sourceMap: loaded.sourceMap)
            }
        }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let infos = diagnostics.count { $0.severity == .info }
        switch format {
        case .text:
            for diagnostic in diagnostics { print(diagnostic) }
            let noun = files.count == 1 ? "catalog" : "catalogs"
            print("\(files.count) \(noun) checked: \(errors) errors, \(warnings) warnings, \(infos) infos")
        case .json:
            print(try LintReport(files: files, diagnostics: diagnostics).json())
        }
        if errors > 0 || (strict && warnings > 0) {
            throw ExitCode(1)
        }
    }
}
