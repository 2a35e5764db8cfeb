import Errata
import HTTPTypes

extension SwiftGenerator {
    // MARK: Constructors

    /// A static constructor per entry: a constant when its message has no parameters, else a function whose
    /// labelled arguments are the message's parameters. What else varies (retry delay, field errors, `instance`,
    /// `details`) is set with `APIError.with(…)`, so an entry's constructor keeps its shape when it gains one.
    static func writeConstructors(_ plan: Plan, into writer: inout SwiftCodeWriter) {
        writer.line("// MARK: Errors")
        for (index, entryPlan) in plan.entries.enumerated() {
            writer.line()
            writeConstructor(entryPlan, index: index, into: &writer)
        }
    }

    /// `index` is the entry's position in the embedded catalog: the occurrence refers to the entry by it, and holds
    /// its values in parameter order, so nothing is looked up by name at run time.
    private static func writeConstructor(_ plan: EntryPlan, index: Int, into writer: inout SwiftCodeWriter) {
        let entry = plan.entry
        var paragraphs: [[String]] = [[plan.summary]]
        if let message = entry.message {
            paragraphs.append(SwiftSpelling.commentLines("Message: \(message.source)"))
        }
        if let description = entry.description {
            paragraphs.append(SwiftSpelling.commentLines(description))
        }
        if entry.origin == .client {
            paragraphs.append([
                "A client-side status: a server never sends it (`ErrorRenderer` renders the internal error)."
            ])
        }
        if entry.isDeprecated {
            paragraphs.append(["Deprecated: still answered, but clients should stop depending on it."])
        }
        if !plan.isConstant {
            var lines = ["- Parameters:"]
            for parameter in plan.parameters {
                let text = parameter.description.map(SwiftSpelling.commentText) ?? "The value of `{\(parameter.name)}`."
                lines.append("  - \(parameter.identifier): \(text)")
            }
            paragraphs.append(lines)
        }
        if !plan.options.isEmpty {
            paragraphs.append(["Set per occurrence:"] + plan.options.map { "- \($0.documentation)" })
        }
        writer.documentation(paragraphs)

        let name = SwiftSpelling.escaped(plan.identifier)
        if plan.isConstant {
            writer.line("public static let \(name) = Errata.APIError(unchecked: \(index), in: Self.catalog)")
            return
        }
        var arguments: [(label: String?, value: SwiftExpression?)] = [
            ("unchecked", SwiftExpression(String(index))), ("in", SwiftExpression("Self.catalog")),
        ]
        if !plan.parameters.isEmpty {
            arguments.append(("values", .array(plan.values)))
        }
        let declarations = plan.parameters.map { "\(SwiftSpelling.escaped($0.identifier)): \($0.swiftType)" }
        let signature = SwiftExpression.call(
            "public static func \(name)",
            declarations.map { (nil, SwiftExpression($0)) }
        )
        var lines = signature.lines
        lines[lines.count - 1] += " -> Errata.APIError {"
        writer.lines(lines)
        writer.indented { writer in
            writer.lines(SwiftExpression.call(".init", arguments).lines)
        }
        writer.line("}")
    }

    // MARK: Case

    /// The `Case` enum: a case per entry with its typed parameters, `unrecognized`, and the initialiser that
    /// recognises a decoded error.
    static func writeCase(_ plan: Plan, into writer: inout SwiftCodeWriter) {
        writer.line("// MARK: Recognising decoded errors")
        writer.line()
        writer.documentation([
            ["A decoded error response, recognised as one of the catalog's entries with its typed parameters."],
            [
                "Decode with an `ErrorDecoder` over ``catalog`` and switch over `Case(decodedError)`. What this version of",
                "the catalog does not know (another API's error, or a code a newer server added) is ``unrecognized(_:)``.",
            ],
        ])
        writer.block("public enum Case: Sendable") { writer in
            for entryPlan in plan.entries {
                let headerOnly = entryPlan.parameters.filter { !$0.isInBody }.map { "`\($0.identifier)`" }
                writer.documentation([
                    [entryPlan.summary],
                    headerOnly.isEmpty
                        ? []
                        : [
                            "\(headerOnly.joined(separator: ", ")): `nil` unless the decoder read it back; the body does not carry it."
                        ],
                ])
                let name = SwiftSpelling.escaped(entryPlan.identifier)
                if entryPlan.parameters.isEmpty {
                    writer.line("case \(name)")
                } else {
                    let values = entryPlan.parameters.map { "\(SwiftSpelling.escaped($0.identifier)): \($0.caseType)" }
                    writer.line("case \(name)(\(values.joined(separator: ", ")))")
                }
            }
            writer.documentation([
                [
                    "An error the catalog does not know, or an entry whose parameters could not all be read back as their",
                    "declared types; the decoded error holds everything the response said.",
                ]
            ])
            writer.line("case unrecognized(Errata.DecodedError)")
            writer.line()
            writeCaseInitializer(plan, into: &writer)
        }
    }

    private static func writeCaseInitializer(_ plan: Plan, into writer: inout SwiftCodeWriter) {
        let error = plan.decodedErrorName
        writer.documentation([
            ["Recognises a decoded error by its entry's name, reading the entry's parameters back as their types."]
        ])
        writer.block("public init(_ \(error): Errata.DecodedError)") { writer in
            writer.line("switch \(error).entry?.name {")
            for entryPlan in plan.entries where entryPlan.isFirstOfName {
                let name = SwiftSpelling.escaped(entryPlan.identifier)
                let label = "case \(SwiftSpelling.stringLiteral(entryPlan.entry.name)):"
                if entryPlan.parameters.isEmpty {
                    writer.line("\(label) self = .\(name)")
                    continue
                }
                func value(_ parameter: ParameterPlan) -> String {
                    parameter.value(from: "\(error).parameters[\(SwiftSpelling.stringLiteral(parameter.name))]")
                }
                let values = entryPlan.parameters.map { parameter in
                    let identifier = SwiftSpelling.escaped(parameter.identifier)
                    let label = SwiftSpelling.argumentLabel(parameter.identifier)
                    return "\(label): \(parameter.isInBody ? identifier : value(parameter))"
                }
                let construction = "self = .\(name)(\(values.joined(separator: ", ")))"
                let required = entryPlan.parameters.filter(\.isInBody)
                if required.isEmpty {
                    writer.line(label)
                    writer.line("    " + construction)
                    continue
                }
                writer.line(label)
                writer.indented { writer in
                    let bindings = required.map { parameter in
                        "let \(SwiftSpelling.escaped(parameter.identifier)) = \(value(parameter))"
                    }
                    let guardLine = "guard \(bindings.joined(separator: ", ")) else {"
                    if guardLine.count <= SwiftExpression.lineLimit {
                        writer.line(guardLine)
                    } else {
                        writer.line("guard")
                        for (index, binding) in bindings.enumerated() {
                            writer.line("    " + binding + (index < bindings.count - 1 ? "," : ""))
                        }
                        writer.line("else {")
                    }
                    writer.line("    self = .unrecognized(\(error))")
                    writer.line("    return")
                    writer.line("}")
                    writer.line(construction)
                }
            }
            writer.line("default: self = .unrecognized(\(error))")
            writer.line("}")
        }
    }

    // MARK: Catalog

    /// The catalog, built with the model's public initialisers, and a constant per entry.
    static func writeCatalog(_ plan: Plan, model: inout SwiftModelLiteral, into writer: inout SwiftCodeWriter) {
        let catalog = plan.catalog
        writer.line("// MARK: Catalog")
        writer.line()
        writer.documentation([
            [
                "The catalog, as the model `CatalogLoader` reads from the catalog file; for `ErrorRenderer` and",
                "`ErrorDecoder`.",
            ]
        ])
        let entries = plan.entries.map { SwiftExpression("Entries.\(SwiftSpelling.escaped($0.identifier))") }
        let expression = SwiftExpression.call(
            "Errata.ErrorCatalog",
            [
                ("formatVersion", SwiftExpression(String(catalog.formatVersion))),
                ("id", .string(catalog.id)),
                ("title", .string(catalog.title)),
                ("version", .string(catalog.version)),
                ("docs", catalog.docs.map { model.template($0) }),
                ("envelope", model.envelope(catalog.envelope)),
                (
                    "retryHeader",
                    catalog.retryHeader.map {
                        SwiftExpression("HTTPField.Name(\(SwiftSpelling.stringLiteral($0.rawName)))")
                    }
                ),
                ("groups", catalog.groups.isEmpty ? nil : .array(catalog.groups.map { model.group($0) })),
                ("entries", .array(entries)),
                (
                    "closeCodes",
                    catalog.closeCodes.isEmpty ? nil : .array(catalog.closeCodes.map { model.closeCode($0) })
                ),
                (
                    "operations",
                    catalog.operations.isEmpty ? nil : .array(catalog.operations.map { model.operation($0) })
                ),
            ]
        )
        writer.lines(expression.prefixed("public static let catalog = ").lines)
        writer.line()
        writer.documentation([["The catalog's entries, in catalog order."]])
        writer.block("public enum Entries") { writer in
            for (index, entryPlan) in plan.entries.enumerated() {
                if index > 0 { writer.line() }
                writer.documentation([[entryPlan.summary]])
                let name = SwiftSpelling.escaped(entryPlan.identifier)
                writer.lines(model.entry(entryPlan.entry).prefixed("public static let \(name) = ").lines)
            }
        }
    }
}
