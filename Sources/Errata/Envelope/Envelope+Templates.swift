extension Envelope {
    /// The body template the renderer fills and the decoder reads: the envelope's own for JSON envelopes, the
    /// RFC 9457 members (then the extensions) for problems.
    package var bodyTemplate: JSONTemplate {
        if format == .json, let body { return body }
        func value(_ variable: EnvelopeVariable, optional: Bool = false) -> JSONTemplate {
            .value(MessageTemplate.Placeholder(name: variable.description, isOptional: optional))
        }
        var members: [JSONTemplate.Member] = [
            .init(key: "type", value: value(.type)),
            .init(key: "title", value: value(.title)),
            .init(key: "status", value: value(.status, optional: true)),
            .init(key: "detail", value: value(.message, optional: true)),
            .init(key: "instance", value: value(.instance, optional: true)),
        ]
        members += extensions
        let usesErrors = extensions.contains { $0.value.placeholders.contains { EnvelopeVariable($0.name) == .errors } }
        if !usesErrors {
            members.append(.init(key: "errors", value: value(.errors, optional: true)))
        }
        return .object(members)
    }

    /// How field errors are laid out: as the envelope declares, else RFC 9457 §3's list of `{"detail", "pointer"}`
    /// for problems and a map of `{"message"}` by field for JSON envelopes.
    package var resolvedFieldErrors: FieldErrorLayout {
        if let fieldErrors { return fieldErrors }
        func value(_ variable: FieldErrorVariable) -> JSONTemplate {
            .value(MessageTemplate.Placeholder(name: variable.description))
        }
        if format == .problem {
            return FieldErrorLayout(
                layout: .list,
                item: .object([
                    .init(key: "detail", value: value(.message)), .init(key: "pointer", value: value(.pointer)),
                ])
            )
        }
        return FieldErrorLayout(layout: .map, item: .object([.init(key: "message", value: value(.message))]))
    }
}
