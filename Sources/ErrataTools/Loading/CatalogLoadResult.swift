import Errata

/// What loading a catalog file produced.
public struct CatalogLoadResult: Sendable {
    /// The catalog, when the file had no errors.
    public var catalog: ErrorCatalog?
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic]
    /// Where each part of the catalog was written.
    public var sourceMap: CatalogSourceMap

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    static func failure(_ message: String, file: String, line: Int = 1, column: Int = 1) -> CatalogLoadResult {
        CatalogLoadResult(
            catalog: nil,
            diagnostics: [Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column))],
            sourceMap: CatalogSourceMap(file: file)
        )
    }
}
