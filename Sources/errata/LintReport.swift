import ErrataTools
import Foundation

/// The `--format json` output of `errata lint`.
struct LintReport: Encodable {
    struct Item: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var severity: String
        var rule: String?
        var message: String
    }

    var files: [String]
    var errors: Int
    var warnings: Int
    var infos: Int
    var diagnostics: [Item]

    init(files: [String], diagnostics: [Diagnostic]) {
        self.files = files
        self.errors = diagnostics.count { $0.severity == .error }
        self.warnings = diagnostics.count { $0.severity == .warning }
        self.infos = diagnostics.count { $0.severity == .info }
        self.diagnostics = diagnostics.map {
            Item(
                file: $0.location?.file,
                line: $0.location?.line,
                column: $0.location?.column,
                severity: $0.severity.rawValue,
                rule: $0.rule,
                message: $0.message
            )
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
