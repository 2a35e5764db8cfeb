import Errata

/// Generates typed Swift for a catalog: one type whose static constructors build each entry's `APIError`, whose
/// `Case` enum recognises decoded error responses, and which embeds the catalog itself.
///
/// The generated file imports only `Errata`: the catalog is built with the model's public initialisers, so nothing
/// is read at run time. Output is deterministic (the same catalog gives the same bytes) and compiles in the Swift 6
/// language mode.
///
/// ```swift
/// let source = SwiftGenerator.generate(catalog, sourceFile: "pluralkit.errata.yaml")
/// // public enum PluralKitErrors {
/// //     public static func memberRefNotFound(memberRef: Swift.String) -> Errata.APIError { … }
/// //     public enum Case: Sendable { case memberRefNotFound(memberRef: Swift.String) … }
/// //     public static let catalog = Errata.ErrorCatalog(…)
/// // }
/// ```
///
/// For code using it:
///
/// ```swift
/// throw PluralKitErrors.memberRefNotFound(memberRef: ref)
///
/// switch PluralKitErrors.Case(ErrorDecoder(catalog: PluralKitErrors.catalog).decode(status: status, body: body)) {
/// case .memberRefNotFound(let memberRef): …
/// case .unrecognized(let error): …
/// default: …
/// }
/// ```
public enum SwiftGenerator {
    /// Generates the Swift source for a catalog.
    ///
    /// - Parameters:
    ///   - catalog: The catalog.
    ///   - typeName: The generated type's name; default one derived from the catalog's title or id
    ///     (``typeName(for:)``). A name that is not a plain Swift identifier is made one (`my-errors` →
    ///     `MyErrors`); one that still is not, or that names a module the code uses, is ignored.
    ///   - sourceFile: The catalog file's name, for the header comment (`pluralkit.errata.yaml`); pass a name
    ///     rather than a path, so that the output does not depend on where the file is.
    /// - Returns: The source of one Swift file, ending in a newline.
    public static func generate(_ catalog: ErrorCatalog, typeName: String? = nil, sourceFile: String? = nil) -> String {
        // The modules the generated code names cannot be shadowed by the type.
        let isUsable = { (name: String) in
            SwiftSpelling.isPlainIdentifier(name) && !["Swift", "Errata", "HTTPTypes"].contains(name)
        }
        let requested = typeName.map { isUsable($0) ? $0 : derivedTypeName($0) }
        let plan = Plan(
            catalog: catalog,
            typeName: requested.flatMap { isUsable($0) ? $0 : nil } ?? Self.typeName(for: catalog)
        )
        var model = SwiftModelLiteral()
        var body = SwiftCodeWriter()
        body.indented { writer in
            writeConstructors(plan, into: &writer)
            writer.line()
            writeCase(plan, into: &writer)
            writer.line()
            writeCatalog(plan, model: &model, into: &writer)
            if model.usesTemplates {
                writer.line()
                writeTemplateHelper(into: &writer)
            }
        }

        var writer = SwiftCodeWriter()
        writeHeader(catalog, sourceFile: sourceFile, into: &writer)
        writer.line()
        writer.line("public import Errata")
        if catalog.entries.contains(where: { $0.status != nil }) || catalog.retryHeader != nil {
            // Entry statuses are integer literals of HTTPTypes' `HTTPResponse.Status`, and a retry header is an
            // `HTTPField.Name`; the module comes with Errata.
            writer.line("import HTTPTypes")
        }
        writer.line()
        writer.documentation([
            [
                "The errors of \(SwiftSpelling.commentText(catalog.title)): a constructor per entry, recognition of decoded",
                "error responses (``Case``), and the catalog itself (``catalog``).",
            ],
            ["```swift"] + (plan.exampleThrow.map { ["throw \(plan.typeName).\($0)"] } ?? []) + [
                "switch \(plan.typeName).Case(ErrorDecoder(catalog: \(plan.typeName).catalog).decode(…)) { … }",
                "```",
            ],
        ])
        writer.line("public enum \(plan.typeName) {")
        return writer.text + body.text + "}\n"
    }

    /// The type name generated for a catalog: its title's words in UpperCamelCase without "API", "errors", "codes"
    /// and version words, followed by `Errors` (`PluralKit API v2` → `PluralKitErrors`); from the id when the
    /// title leaves nothing usable.
    public static func typeName(for catalog: ErrorCatalog) -> String {
        let skipped: Set<String> = ["api", "apis", "error", "errors", "code", "codes", "status", "statuses"]
        let isVersion = { (word: Substring) -> Bool in
            let digits = word.first == "v" || word.first == "V" ? word.dropFirst() : word
            return !digits.isEmpty && digits.allSatisfy(\.isNumber)
        }
        let words = SwiftSpelling.words(catalog.title)
        let titleWords = words.enumerated().filter { index, word in
            !skipped.contains(word.lowercased()) && (index == 0 || !isVersion(word))
        }.map(\.element)
        for candidate in [SwiftSpelling.upperCamelCase(titleWords), derivedTypeName(catalog.id)] {
            if let first = candidate.unicodeScalars.first, ("A"..."Z").contains(first) {
                return candidate + "Errors"
            }
        }
        return "Catalog" + derivedTypeName(catalog.id) + "Errors"
    }

    /// `rest-error-codes` → `RestErrorCodes`.
    private static func derivedTypeName(_ text: String) -> String {
        SwiftSpelling.upperCamelCase(SwiftSpelling.words(text))
    }

    // MARK: Sections

    private static func writeHeader(_ catalog: ErrorCatalog, sourceFile: String?, into writer: inout SwiftCodeWriter) {
        let source = sourceFile.map { "\(SwiftSpelling.commentText($0)): " } ?? ""
        writer.line(
            "// Generated by `errata generate swift` from \(source)catalog '\(SwiftSpelling.commentText(catalog.id))',"
        )
        writer.line(
            "// version \(SwiftSpelling.commentText(catalog.version)). Do not edit: change the catalog and generate again."
        )
        writer.line("// swift-format-ignore-file")
    }

    private static func writeTemplateHelper(into writer: inout SwiftCodeWriter) {
        writer.documentation([["A message template the generator parsed once already, so parsing cannot fail."]])
        writer.block("private static func template(_ source: Swift.String) -> Errata.MessageTemplate") { writer in
            writer.line("do {")
            writer.line("    return try Errata.MessageTemplate(source, allowingOptionalPlaceholders: true)")
            writer.line("} catch {")
            writer.line("    Swift.preconditionFailure(\"malformed generated template: \\(error)\")")
            writer.line("}")
        }
    }
}
