import Errata
import HTTPTypes

/// A catalog written back in the catalog file format, as JSON: what `errata serve` answers at
/// `/{catalog}.errata.json`, and what ``CatalogLoader`` reads back as an `.errata.json` file.
public enum CatalogJSON {
    /// The catalog as a JSON value, keys in the order the format documents them; defaults are left out.
    public static func value(_ catalog: ErrorCatalog) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("errata", .integer(catalog.formatVersion)),
            .init("id", .string(catalog.id)),
            .init("title", .string(catalog.title)),
            .init("version", .string(catalog.version)),
        ]
        if let docs = catalog.docs { members.append(.init("docs", .string(docs.source))) }
        members.append(.init("envelope", envelope(catalog.envelope)))
        if let retryHeader = catalog.retryHeader { members.append(.init("retryHeader", .string(retryHeader.rawName))) }
        if !catalog.groups.isEmpty {
            members.append(
                .init(
                    "groups",
                    .array(
                        catalog.groups.map { group in
                            object([
                                ("name", .string(group.name)),
                                ("codes", .string("\(group.codes.lowerBound)...\(group.codes.upperBound)")),
                                ("description", group.description.map(JSONValue.string)),
                            ])
                        }
                    )
                )
            )
        }
        members.append(.init("codes", .array(catalog.entries.map(entry))))
        if !catalog.closeCodes.isEmpty {
            members.append(
                .init(
                    "closeCodes",
                    .array(
                        catalog.closeCodes.map { closeCode in
                            object([
                                ("code", .integer(Int(closeCode.code.rawValue))),
                                ("name", .string(closeCode.name)),
                                ("reason", closeCode.reason.map(JSONValue.string)),
                                ("description", closeCode.description.map(JSONValue.string)),
                                ("retry", closeCode.retry == .never ? nil : .string(closeCode.retry.rawValue)),
                            ])
                        }
                    )
                )
            )
        }
        if !catalog.operations.isEmpty {
            members.append(
                .init(
                    "operations",
                    .array(
                        catalog.operations.map { operation in
                            object([
                                ("name", .string(operation.name)),
                                ("id", operation.id.map(JSONValue.integer)),
                                ("route", operation.route.map(JSONValue.string)),
                                ("description", operation.description.map(JSONValue.string)),
                                ("codes", .array(operation.codes.map(JSONValue.string))),
                            ])
                        }
                    )
                )
            )
        }
        return .object(members)
    }

    private static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { JSONValue.Member(key, $0) } })
    }

    private static func entry(_ entry: ErrorEntry) -> JSONValue {
        let code: JSONValue? =
            switch entry.code {
            case .integer(let value)?: .integer(value)
            case .string(let value)?: .string(value)
            case nil: nil
            }
        return object([
            ("name", .string(entry.name)),
            ("code", code),
            ("status", entry.status.map { .integer($0.code) }),
            (
                "otherStatuses",
                entry.otherStatuses.isEmpty ? nil : .array(entry.otherStatuses.map { .integer($0.code) })
            ),
            ("title", entry.title.map(JSONValue.string)),
            ("message", entry.message.map { .string($0.source) }),
            (
                "params",
                entry.parameters.isEmpty
                    ? nil
                    : .object(
                        entry.parameters.map { parameter in
                            .init(
                                parameter.name,
                                object([
                                    ("type", .string(parameter.type.rawValue)),
                                    ("description", parameter.description.map(JSONValue.string)),
                                    ("const", parameter.constant.map(parameter.type.jsonValue)),
                                    ("values", Self.values(parameter.values)),
                                ])
                            )
                        }
                    )
            ),
            ("description", entry.description.map(JSONValue.string)),
            ("kind", entry.kind == .error ? nil : .string(entry.kind.rawValue)),
            ("origin", entry.origin == .server ? nil : .string(entry.origin.rawValue)),
            ("retry", entry.retry == .never ? nil : .string(entry.retry.rawValue)),
            ("fields", entry.hasFieldErrors ? .bool(true) : nil),
            (
                "headers",
                entry.headers.isEmpty ? nil : .object(entry.headers.map { .init($0.name, .string($0.value.source)) })
            ),
            ("deprecated", entry.isDeprecated ? .bool(true) : nil),
            ("group", entry.group.map(JSONValue.string)),
            ("docs", entry.docs.map(JSONValue.string)),
            (
                "lint",
                entry.lintAllowances.map { allowances in
                    .object([
                        .init("allow", .array(allowances.rules.map(JSONValue.string))),
                        .init("reason", .string(allowances.reason)),
                    ])
                }
            ),
        ])
    }

    private static func envelope(_ envelope: Envelope) -> JSONValue {
        object([
            ("format", .string(envelope.format.rawValue)),
            ("body", envelope.body.map(template)),
            ("extensions", envelope.extensions.isEmpty ? nil : template(.object(envelope.extensions))),
            (
                "fieldErrors",
                envelope.fieldErrors.map {
                    object([
                        ("layout", .string($0.layout.rawValue)),
                        ("item", template($0.item)),
                        ("leaf", $0.leaf == Envelope.FieldErrorLayout.defaultLeaf ? nil : .string($0.leaf)),
                        (
                            "attributes",
                            $0.attributes.isEmpty
                                ? nil
                                : .object(
                                    $0.attributes.map { attribute in
                                        JSONValue.Member(
                                            attribute.name,
                                            object([
                                                ("description", attribute.description.map(JSONValue.string)),
                                                ("values", Self.values(attribute.values)),
                                            ])
                                        )
                                    }
                                )
                        ),
                    ])
                }
            ),
            ("contentType", envelope.declaredContentType.map(JSONValue.string)),
            ("alternatives", envelope.alternatives.isEmpty ? nil : .array(envelope.alternatives.map(Self.envelope))),
        ])
    }

    /// Documented values as the catalog file writes them: each value with its meaning, or `null`.
    private static func values(_ values: [DocumentedValue]) -> JSONValue? {
        values.isEmpty
            ? nil : .object(values.map { JSONValue.Member($0.value, $0.description.map(JSONValue.string) ?? .null) })
    }

    /// A body template written back as the JSON the catalog file holds.
    private static func template(_ template: JSONTemplate) -> JSONValue {
        switch template {
        case .object(let members):
            .object(members.map { .init($0.isOptional ? $0.key + "?" : $0.key, Self.template($0.value)) })
        case .array(let elements): .array(elements.map(Self.template))
        case .string(let message):
            // A variable alone in a string is the `{NAME:string}` form: `{NAME}` would read back as a typed value.
            if let placeholder = message.lonePlaceholder {
                .string("{\(placeholder.name):string}")
            } else {
                .string(message.source)
            }
        case .value(let placeholder): .string("{\(placeholder.name)\(placeholder.isOptional ? "?" : "")}")
        case .number(let text): .number(text)
        case .bool(let flag): .bool(flag)
        case .null: .null
        }
    }
}
