import Errata

/// An error body, member by member: the one description that the reference pages, the JSON Schema and the OpenAPI
/// document share.
///
/// Types come from the envelope template and the catalog: a `{var}` member has the variable's JSON type (the code is
/// an integer or a string as the catalog's codes are), may be `null` when the value can be absent, and a `{var?}`
/// member is left out instead, so it is not required. Only server-origin entries count: a server never sends the
/// others.
struct EnvelopeShape {
    /// A member of the body, for documentation tables.
    struct Row: Hashable {
        /// Where the member is: `code`, `status.code`, `errors.FIELD[].message`.
        var path: String
        /// Its type in words: `integer`, `string or null`, `any JSON`, or the constant (`1`).
        var type: String
        /// `always`, or when it is there.
        var presence: String
        /// What it holds.
        var meaning: String
    }

    let catalog: ErrorCatalog
    let envelope: Envelope
    /// The body template the renderer fills.
    let body: JSONTemplate
    /// How per-field errors are laid out.
    let fieldErrors: Envelope.FieldErrorLayout

    private let codeTypes: [String]
    private let someLackCode: Bool
    private let someLackStatus: Bool
    private let someLackMessage: Bool

    init(envelope: Envelope, catalog: ErrorCatalog) {
        self.catalog = catalog
        self.envelope = envelope
        self.body = envelope.bodyTemplate
        self.fieldErrors = envelope.resolvedFieldErrors
        let sent = catalog.entries.filter { $0.origin == .server }
        var codeTypes: [String] = []
        if sent.contains(where: { $0.code?.integerValue != nil }) { codeTypes.append("integer") }
        if sent.contains(where: { if case .string = $0.code { true } else { false } }) { codeTypes.append("string") }
        self.codeTypes = codeTypes
        self.someLackCode = sent.contains { $0.code == nil }
        self.someLackStatus = sent.contains { $0.status == nil }
        self.someLackMessage = sent.contains { $0.message == nil }
    }

    /// Every code a server sends, each once, in catalog order, as JSON.
    private var knownCodes: [JSONValue] {
        var seen: Set<ErrorCode> = []
        return catalog.entries.compactMap { entry -> JSONValue? in
            guard entry.origin == .server, let code = entry.code, seen.insert(code).inserted else { return nil }
            switch code {
            case .integer(let value): return .integer(value)
            case .string(let value): return .string(value)
            }
        }
    }

    /// Whether the body has a member for per-field errors.
    var usesFieldErrors: Bool {
        body.placeholders.contains { EnvelopeVariable($0.name) == .errors }
    }

    // MARK: Schema

    /// The JSON Schema (2020-12) of the body.
    ///
    /// - Parameter fieldErrorReference: Where the field error schema (``fieldErrorSchema()``) is, for `$ref`
    ///   (`#/$defs/FieldError`).
    func schema(fieldErrorReference: String) -> JSONValue {
        schema(of: body, isItem: false, fieldErrorReference: fieldErrorReference)
    }

    /// The JSON Schema of one field error.
    func fieldErrorSchema() -> JSONValue {
        schema(of: fieldErrors.item, isItem: true, fieldErrorReference: "")
    }

    private func schema(of template: JSONTemplate, isItem: Bool, fieldErrorReference: String) -> JSONValue {
        switch template {
        case .object(let members):
            let properties = members.map { member in
                guard member.isOptional, case .array(let elements) = member.value else {
                    return JSONValue.Member(
                        member.key,
                        schema(of: member.value, isItem: isItem, fieldErrorReference: fieldErrorReference)
                    )
                }
                // Tagged objects in any order, each at most once, and items of other tags: the set stays open, as
                // an API adds item types (AIP-193's details) that a client must keep rather than reject.
                let alternatives = elements.map {
                    schema(of: $0, isItem: isItem, fieldErrorReference: fieldErrorReference)
                }
                let other = JSONValue.members(
                    ("type", "object"),
                    ("description", "An item of a kind the catalog does not describe.")
                )
                return JSONValue.Member(
                    member.key,
                    .members(
                        ("type", "array"),
                        ("description", "Objects told apart by their constant members, in any order."),
                        ("items", .members(("anyOf", .array(alternatives + [other]))))
                    )
                )
            }
            let required = members.filter { !$0.mayBeLeftOut }.map { JSONValue.string($0.key) }
            return .members(
                ("type", "object"),
                ("properties", .object(properties)),
                ("required", required.isEmpty ? nil : .array(required))
            )
        case .array(let elements):
            return .members(
                ("type", "array"),
                (
                    "prefixItems",
                    .array(elements.map { schema(of: $0, isItem: isItem, fieldErrorReference: fieldErrorReference) })
                ),
                ("minItems", .integer(elements.count)),
                ("maxItems", .integer(elements.count))
            )
        case .string(let text):
            if text.isConstant { return .members(("const", .string(Self.constantText(text)))) }
            if let placeholder = text.lonePlaceholder {
                let meaning = variable(placeholder, isItem: isItem).meaning
                return .members(("type", "string"), ("description", .string("\(meaning) Written as a string.")))
            }
            return .members(("type", "string"), ("description", .string("Text of the form \"\(text.source)\".")))
        case .value(let placeholder):
            let variable = variable(placeholder, isItem: isItem)
            var members: [JSONValue.Member] = []
            if let types = variable.types {
                members.append(
                    JSONValue.Member("type", types.count == 1 ? .string(types[0]) : .array(types.map(JSONValue.string)))
                )
            }
            members.append(JSONValue.Member("description", .string(variable.meaning)))
            // Documented values as examples, never an `enum`: a client generated from a closed set rejects a value a
            // newer server adds, as with codes (swift-openapi-generator#608).
            var documented: [DocumentedValue] = []
            if isItem, case .attribute(let attribute) = FieldErrorVariable(placeholder.name) {
                documented = fieldErrors.attributes.first { $0.name == attribute }?.values ?? []
            } else if !isItem, case .parameter(let parameter) = EnvelopeVariable(placeholder.name),
                variable.types?.first == "string"
            {
                // Text values only: a number parameter's documented values would not be examples of its type.
                documented = documentedValues(ofParameter: parameter)
            }
            if !documented.isEmpty {
                members.append(JSONValue.Member("examples", .array(documented.map { .string($0.value) })))
            }
            let envelopeVariable = isItem ? nil : EnvelopeVariable(placeholder.name)
            if envelopeVariable == .retryAfterSeconds || envelopeVariable == .retryAfterMilliseconds
                || envelopeVariable == .retryAfterDecimalSeconds
            {
                members.append(JSONValue.Member("minimum", 0))
            }
            if envelopeVariable == .code, !knownCodes.isEmpty {
                // The codes are documented as examples, never as an `enum`: a generated client would reject every
                // code a newer server adds (swift-openapi-generator#608). The set stays open.
                members.append(JSONValue.Member("examples", .array(knownCodes)))
            }
            if envelopeVariable == .errors {
                let item = JSONValue.members(("$ref", .string(fieldErrorReference)))
                if fieldErrors.layout == .list {
                    members.append(JSONValue.Member("items", item))
                } else if fieldErrors.layout == .tree {
                    // One level is described exactly; deeper levels have the same shape, which a schema here
                    // cannot point back to without a definition of its own.
                    members.append(
                        JSONValue.Member(
                            "properties",
                            .object([
                                JSONValue.Member(fieldErrors.leaf, .members(("type", "array"), ("items", item)))
                            ])
                        )
                    )
                    members.append(
                        JSONValue.Member(
                            "additionalProperties",
                            .members(
                                ("type", "object"),
                                (
                                    "description",
                                    .string(
                                        "A part of a field's name: the same shape, down to the field's '\(fieldErrors.leaf)'."
                                    )
                                )
                            )
                        )
                    )
                } else {
                    members.append(
                        JSONValue.Member("additionalProperties", .members(("type", "array"), ("items", item)))
                    )
                }
            }
            return .object(members)
        case .number(let text):
            return .members(("const", .number(text)))
        case .bool(let flag):
            return .members(("const", .bool(flag)))
        case .null:
            return .members(("type", "null"))
        }
    }

    // MARK: Rows

    /// The body's members, depth first in the order written.
    func rows() -> [Row] {
        var rows: [Row] = []
        collectRows(body, path: "", isItem: false, into: &rows)
        return rows
    }

    /// The members of one field error.
    func fieldErrorRows() -> [Row] {
        var rows: [Row] = []
        collectRows(fieldErrors.item, path: "", isItem: true, into: &rows)
        return rows
    }

    /// Where field errors are, in words: `an object keyed by field name, each holding a list of field errors`.
    var fieldErrorLayoutText: String {
        switch fieldErrors.layout {
        case .list: "a list of field errors, each naming its field"
        case .tree:
            "nested objects, one level per part of the field's dotted name (items.0.name), each field's list of "
                + "field errors in its \(fieldErrors.leaf) member"
        default: "an object keyed by field name, each holding a list of field errors"
        }
    }

    private func collectRows(
        _ template: JSONTemplate,
        path: String,
        isItem: Bool,
        presence: String = "always",
        into rows: inout [Row]
    ) {
        switch template {
        case .object(let members):
            if !path.isEmpty { rows.append(Row(path: path, type: "object", presence: presence, meaning: "")) }
            for member in members {
                let childPath = path.isEmpty ? member.key : path + "." + member.key
                guard member.isOptional else {
                    collectRows(member.value, path: childPath, isItem: isItem, into: &rows)
                    continue
                }
                guard case .array(let elements) = member.value else {
                    collectRows(
                        member.value,
                        path: childPath,
                        isItem: isItem,
                        presence: "when one of its members is there",
                        into: &rows
                    )
                    continue
                }
                rows.append(
                    Row(
                        path: childPath,
                        type: "array",
                        presence: "when one of its items is there",
                        meaning: "Objects told apart by their constant members, in any order; others may follow."
                    )
                )
                for element in elements {
                    collectRows(
                        element,
                        path: "\(childPath)[\(element.tagDescription)]",
                        isItem: isItem,
                        presence: "when one of its values is there",
                        into: &rows
                    )
                }
            }
        case .array(let elements):
            if !path.isEmpty { rows.append(Row(path: path, type: "array", presence: "always", meaning: "")) }
            for (index, element) in elements.enumerated() {
                collectRows(element, path: "\(path)[\(index)]", isItem: isItem, into: &rows)
            }
        case .string(let text):
            if text.isConstant {
                rows.append(
                    Row(
                        path: path,
                        type: JSONValue.string(Self.constantText(text)).description,
                        presence: "always",
                        meaning: "constant"
                    )
                )
            } else if let placeholder = text.lonePlaceholder {
                let meaning = variable(placeholder, isItem: isItem).meaning
                rows.append(
                    Row(path: path, type: "string", presence: presence, meaning: "\(meaning) Written as a string.")
                )
            } else {
                rows.append(
                    Row(path: path, type: "string", presence: presence, meaning: "text of the form \"\(text.source)\"")
                )
            }
        case .value(let placeholder):
            let variable = variable(placeholder, isItem: isItem)
            var type = variable.types.map { $0.joined(separator: " or ") } ?? "any JSON"
            if !isItem, EnvelopeVariable(placeholder.name) == .errors {
                type = (fieldErrors.layout == .list ? "array" : "object") + (placeholder.isOptional ? "" : " or null")
            }
            rows.append(
                Row(
                    path: path,
                    type: type,
                    presence: placeholder.isOptional ? variable.whenPresent : "always",
                    meaning: variable.meaning
                )
            )
        case .number(let text):
            rows.append(Row(path: path, type: text, presence: "always", meaning: "constant"))
        case .bool(let flag):
            rows.append(Row(path: path, type: String(flag), presence: "always", meaning: "constant"))
        case .null:
            rows.append(Row(path: path, type: "null", presence: "always", meaning: "constant"))
        }
    }

    // MARK: Variables

    private struct Variable {
        /// JSON Schema types, or `nil` for any JSON value.
        var types: [String]?
        var meaning: String
        var whenPresent: String
    }

    private func variable(_ placeholder: MessageTemplate.Placeholder, isItem: Bool) -> Variable {
        let name = placeholder.name
        let nullable = !placeholder.isOptional
        func types(_ base: [String], orNull: Bool) -> [String] {
            orNull ? base + ["null"] : base
        }
        func retryDelay(unit: String, type: String = "integer") -> Variable {
            Variable(
                types: types([type], orNull: nullable),
                meaning: "\(unit) to wait before retrying.",
                whenPresent: "only when the client should retry later"
            )
        }
        if isItem {
            switch FieldErrorVariable(name) {
            case .field: return Variable(types: ["string"], meaning: "The field's name.", whenPresent: "always")
            case .pointer:
                return Variable(types: ["string"], meaning: "A JSON Pointer to the field.", whenPresent: "always")
            case .message:
                return Variable(types: ["string"], meaning: "What is wrong with the field.", whenPresent: "always")
            case .attribute(let attribute):
                let declared = fieldErrors.attributes.first { $0.name == attribute }
                var meaning = declared?.description ?? "The field error's \(attribute) attribute."
                if let values = declared.flatMap({ CatalogReference.valuesText($0.values) }) { meaning += " " + values }
                return Variable(
                    types: declared.map { $0.values.isEmpty ? nil : ["string"] } ?? nil,
                    meaning: meaning,
                    whenPresent: "when the field error has \(attribute)"
                )
            case nil:
                return Variable(types: nil, meaning: "The value of \(name).", whenPresent: "when present")
            }
        }
        switch EnvelopeVariable(name) {
        case .code:
            return Variable(
                types: types(codeTypes, orNull: nullable && someLackCode),
                meaning: "The error code, which tells the errors apart. The set is open: a newer server may send a "
                    + "code not listed here, which a client must treat as an unrecognised error.",
                whenPresent: "when the entry has a code"
            )
        case .name:
            return Variable(types: ["string"], meaning: "The entry's name.", whenPresent: "always")
        case .status:
            return Variable(
                types: types(["integer"], orNull: nullable && someLackStatus),
                meaning: "The HTTP status code.",
                whenPresent: "when the entry has an HTTP status"
            )
        case .reason:
            return Variable(
                types: types(["string"], orNull: nullable && someLackStatus),
                meaning: "The HTTP status's reason phrase.",
                whenPresent: "when the entry has an HTTP status"
            )
        case .title:
            return Variable(types: ["string"], meaning: "A short, stable summary of the error.", whenPresent: "always")
        case .type:
            return Variable(
                types: ["string"],
                meaning: "A URI reference identifying the error type: its documentation, or about:blank.",
                whenPresent: "always"
            )
        case .message:
            return Variable(
                types: types(["string"], orNull: nullable && someLackMessage),
                meaning: "What went wrong, with the occurrence's parameters filled in.",
                whenPresent: "when the entry has a message"
            )
        case .instance:
            return Variable(
                types: types(["string"], orNull: nullable),
                meaning: "A URI reference identifying this occurrence.",
                whenPresent: "when the occurrence has an instance URI"
            )
        case .errors:
            return Variable(
                types: types([fieldErrors.layout == .list ? "array" : "object"], orNull: nullable),
                meaning: "Per-field errors: \(fieldErrorLayoutText).",
                whenPresent: "only with per-field errors"
            )
        case .details:
            return Variable(
                types: nil,
                meaning: "Further details, as free-form JSON.",
                whenPresent: "when the occurrence has details"
            )
        case .retryAfterSeconds:
            return retryDelay(unit: "Seconds")
        case .retryAfterMilliseconds:
            return retryDelay(unit: "Milliseconds")
        case .retryAfterDecimalSeconds:
            return retryDelay(unit: "Seconds, with up to three decimals,", type: "number")
        case .requestID:
            return Variable(
                types: nil,
                meaning: "The id of the request this answers, as the client sent it.",
                whenPresent: "when the request had an id"
            )
        case nil:
            return Variable(types: nil, meaning: "The value of \(name).", whenPresent: "when present")
        case .parameter(let parameter):
            let declarations = catalog.entries.filter { $0.origin == .server }.flatMap(\.parameters).filter {
                $0.name == parameter
            }
            var base: [String] = []
            for type in ["integer", "number", "boolean"]
            where declarations.contains(where: { $0.type.rawValue == type }) {
                base.append(type)
            }
            base.append("string")
            var meaning = declarations.lazy.compactMap(\.description).first ?? "The value of parameter \(parameter)."
            if let values = CatalogReference.valuesText(documentedValues(ofParameter: parameter)) {
                meaning += " " + values
            }
            return Variable(
                types: types(base, orNull: nullable),
                meaning: meaning,
                whenPresent: !declarations.isEmpty && declarations.allSatisfy { $0.constant != nil }
                    ? "for the entries that fix it" : "when the occurrence gives \(parameter)"
            )
        }
    }

    /// The values the server entries document for a parameter, each once, in catalog order.
    private func documentedValues(ofParameter name: String) -> [DocumentedValue] {
        var values: [DocumentedValue] = []
        for entry in catalog.entries where entry.origin == .server {
            for declaration in entry.parameters where declaration.name == name {
                values += declaration.values.filter { value in !values.contains { $0.value == value.value } }
            }
        }
        return values
    }

    // MARK: Templates

    private static func constantText(_ template: MessageTemplate) -> String {
        (try? template.render { _ in "" }) ?? template.source
    }
}
