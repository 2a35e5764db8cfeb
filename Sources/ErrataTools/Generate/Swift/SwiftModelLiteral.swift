import Errata
import HTTPTypes

/// Spells catalog model values as Swift expressions that build them with the `Errata` module's public initialisers.
///
/// Arguments equal to an initialiser's default are left out. Types nested in the model are written `.init(…)`, so
/// the expressions name no type that a module using the generated code could shadow. Message templates are written
/// as calls to the generated type's `template(_:)` helper (`MessageTemplate`'s initialiser throws); the helper is
/// needed only when ``usesTemplates`` is set.
struct SwiftModelLiteral {
    /// Whether an expression written so far calls `template(_:)`.
    private(set) var usesTemplates = false

    // MARK: Catalog

    mutating func entry(_ entry: ErrorEntry) -> SwiftExpression {
        .call(
            "Errata.ErrorEntry",
            [
                ("name", .string(entry.name)),
                ("code", entry.code.map(code)),
                ("status", entry.status.map { SwiftExpression(String($0.code)) }),
                (
                    "otherStatuses",
                    entry.otherStatuses.isEmpty
                        ? nil : .array(entry.otherStatuses.map { SwiftExpression(String($0.code)) })
                ),
                ("title", entry.title.map(SwiftExpression.string)),
                ("message", entry.message.map { template($0) }),
                ("parameters", entry.parameters.isEmpty ? nil : .array(entry.parameters.map(parameter))),
                ("description", entry.description.map(SwiftExpression.string)),
                ("kind", entry.kind == .error ? nil : member(entry.kind.rawValue, of: "ErrorEntry.Kind")),
                ("origin", entry.origin == .server ? nil : member(entry.origin.rawValue, of: "ErrorEntry.Origin")),
                ("retry", entry.retry == .never ? nil : retryRule(entry.retry)),
                ("hasFieldErrors", entry.hasFieldErrors ? SwiftExpression("true") : nil),
                ("headers", entry.headers.isEmpty ? nil : .array(entry.headers.map { header($0) })),
                ("isDeprecated", entry.isDeprecated ? SwiftExpression("true") : nil),
                ("group", entry.group.map(SwiftExpression.string)),
                ("docs", entry.docs.map(SwiftExpression.string)),
                ("lintAllowances", entry.lintAllowances.map(lintAllowances)),
            ]
        )
    }

    mutating func envelope(_ envelope: Envelope) -> SwiftExpression {
        .call(
            ".init",
            [
                ("format", member(envelope.format.rawValue, of: "Envelope.Format")),
                ("body", envelope.body.map { jsonTemplate($0) }),
                ("extensions", envelope.extensions.isEmpty ? nil : .array(envelope.extensions.map { member($0) })),
                ("fieldErrors", envelope.fieldErrors.map { fieldErrorLayout($0) }),
                ("contentType", envelope.declaredContentType.map(SwiftExpression.string)),
                (
                    "alternatives",
                    envelope.alternatives.isEmpty ? nil : .array(envelope.alternatives.map { self.envelope($0) })
                ),
            ]
        )
    }

    func group(_ group: CodeGroup) -> SwiftExpression {
        .call(
            ".init",
            [
                ("name", .string(group.name)),
                ("codes", SwiftExpression(bound(group.codes.lowerBound) + "..." + bound(group.codes.upperBound))),
                ("description", group.description.map(SwiftExpression.string)),
            ]
        )
    }

    func closeCode(_ closeCode: CloseCodeEntry) -> SwiftExpression {
        .call(
            ".init",
            [
                ("code", SwiftExpression(String(closeCode.code.rawValue))),
                ("name", .string(closeCode.name)),
                ("reason", closeCode.reason.map(SwiftExpression.string)),
                ("description", closeCode.description.map(SwiftExpression.string)),
                ("retry", closeCode.retry == .never ? nil : retryRule(closeCode.retry)),
            ]
        )
    }

    func operation(_ operation: Errata.Operation) -> SwiftExpression {
        .call(
            ".init",
            [
                ("name", .string(operation.name)),
                ("id", operation.id.map { SwiftExpression(String($0)) }),
                ("route", operation.route.map(SwiftExpression.string)),
                ("description", operation.description.map(SwiftExpression.string)),
                ("codes", .array(operation.codes.map(SwiftExpression.string))),
            ]
        )
    }

    /// `template("…")`.
    mutating func template(_ template: MessageTemplate) -> SwiftExpression {
        usesTemplates = true
        return SwiftExpression("template(\(SwiftSpelling.stringLiteral(template.source)))")
    }

    // MARK: Parts

    private func code(_ code: ErrorCode) -> SwiftExpression {
        switch code {
        case .integer(let value): SwiftExpression(".integer(\(value))")
        case .string(let value): SwiftExpression(".string(\(SwiftSpelling.stringLiteral(value)))")
        }
    }

    private func parameter(_ parameter: ParameterDeclaration) -> SwiftExpression {
        .call(
            ".init",
            [
                ("name", .string(parameter.name)),
                ("type", parameter.type == .string ? nil : member(parameter.type.rawValue, of: "ParameterType")),
                ("description", parameter.description.map(SwiftExpression.string)),
                ("constant", parameter.constant.map(SwiftExpression.string)),
                ("values", parameter.values.isEmpty ? nil : .array(parameter.values.map(documentedValue))),
            ]
        )
    }

    private func documentedValue(_ value: DocumentedValue) -> SwiftExpression {
        .call(".init", [(nil, .string(value.value)), ("description", value.description.map(SwiftExpression.string))])
    }

    private mutating func header(_ header: ErrorEntry.Header) -> SwiftExpression {
        .call(".init", [("name", .string(header.name)), ("value", template(header.value))])
    }

    private func lintAllowances(_ allowances: ErrorEntry.LintAllowances) -> SwiftExpression {
        .call(
            ".init",
            [("rules", .array(allowances.rules.map(SwiftExpression.string))), ("reason", .string(allowances.reason))]
        )
    }

    private func retryRule(_ rule: ErrorEntry.RetryRule) -> SwiftExpression {
        member(rule.rawValue, of: "ErrorEntry.RetryRule")
    }

    private mutating func fieldErrorLayout(_ layout: Envelope.FieldErrorLayout) -> SwiftExpression {
        var arguments: [(String, SwiftExpression)] = [
            ("layout", member(layout.layout.rawValue, of: "Envelope.FieldErrorLayout.Layout")),
            ("item", jsonTemplate(layout.item)),
        ]
        if layout.leaf != Envelope.FieldErrorLayout.defaultLeaf { arguments.append(("leaf", .string(layout.leaf))) }
        if !layout.attributes.isEmpty {
            arguments.append(("attributes", .array(layout.attributes.map(fieldErrorAttribute))))
        }
        return .call(".init", arguments)
    }

    private func fieldErrorAttribute(_ attribute: FieldErrorAttribute) -> SwiftExpression {
        .call(
            ".init",
            [
                ("name", .string(attribute.name)),
                ("description", attribute.description.map(SwiftExpression.string)),
                (
                    "values",
                    attribute.values.isEmpty
                        ? nil
                        : .array(attribute.values.map(documentedValue))
                ),
            ]
        )
    }

    private mutating func jsonTemplate(_ template: JSONTemplate) -> SwiftExpression {
        switch template {
        case .object(let members):
            return .call(".object", [(nil, .array(members.map { member($0) }))])
        case .array(let elements):
            return .call(".array", [(nil, .array(elements.map { jsonTemplate($0) }))])
        case .string(let text):
            return .call(".string", [(nil, self.template(text))])
        case .value(let placeholder):
            return .call(
                ".value",
                [
                    (
                        nil,
                        .call(
                            ".init",
                            [
                                ("name", .string(placeholder.name)),
                                ("isOptional", placeholder.isOptional ? SwiftExpression("true") : nil),
                            ]
                        )
                    )
                ]
            )
        case .number(let text):
            return .call(".number", [(nil, .string(text))])
        case .bool(let value):
            return SwiftExpression(".bool(\(value))")
        case .null:
            return SwiftExpression(".null")
        }
    }

    private mutating func member(_ member: JSONTemplate.Member) -> SwiftExpression {
        var arguments: [(label: String?, value: SwiftExpression?)] = [
            ("key", .string(member.key)), ("value", jsonTemplate(member.value)),
        ]
        if member.isOptional { arguments.append(("isOptional", SwiftExpression("true"))) }
        return .call(".init", arguments)
    }

    /// `.name` for the static member that spells a catalog word (`.after`); `.init(rawValue: "…")!` for a word
    /// this generator does not know, which compiles where the runtime knows it.
    private func member(_ rawValue: String, of type: String) -> SwiftExpression {
        let isPlain = !rawValue.isEmpty && rawValue.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
        if isPlain && !SwiftSpelling.keywords.contains(rawValue) { return SwiftExpression("." + rawValue) }
        return SwiftExpression("Errata.\(type)(rawValue: \(SwiftSpelling.stringLiteral(rawValue)))!")
    }

    private func bound(_ value: Int) -> String {
        value < 0 ? "(\(value))" : String(value)
    }
}
