import Errata

extension CatalogDecoder {
    mutating func envelope(_ node: YAMLNode, isAlternative: Bool) -> Envelope? {
        let context = isAlternative ? "in an envelope alternative" : "in 'envelope'"
        var map = CatalogSourceMap.Node(location: location(of: node))
        let allowed = isAlternative ? Self.alternativeEnvelopeKeys : Self.envelopeKeys
        guard
            let fields = fields(
                of: node,
                in: context,
                allowed: allowed,
                required: Self.requiredEnvelopeKeys,
                map: &map
            )
        else { return nil }
        if !isAlternative { sourceMap.root.keys.merge(map.keys.map { ("envelope.\($0)", $1) }) { $1 } }
        guard
            let format = fields["format"].flatMap({
                word($0, "'format' \(context)", Envelope.Format.allCases.map(\.rawValue), Envelope.Format.init)
            })
        else { return nil }

        var body: JSONTemplate?
        var extensions: [JSONTemplate.Member] = []
        if format == .json {
            if let bodyNode = fields["body"] {
                body = jsonTemplate(bodyNode, variables: .body, context: "'body' \(context)")
            } else {
                error(
                    "a json envelope needs a 'body' describing the error JSON, like { code: \"{code}\", message: \"{message}\" }",
                    at: node
                )
            }
            if let extra = fields["extensions"] {
                error(
                    "'extensions' \(context) belong to problem envelopes; add the members to 'body' instead",
                    at: extra
                )
            }
        } else {
            if let extra = fields["body"] {
                error(
                    "'body' \(context) is for json envelopes; a problem envelope adds members with 'extensions'",
                    at: extra
                )
            }
            if let extensionsNode = fields["extensions"] {
                if case .object(let members) = jsonTemplate(extensionsNode, variables: .body, context: "'extensions'") {
                    let reserved = ["type", "title", "status", "detail", "instance"]
                    for member in members where reserved.contains(member.key) {
                        error(
                            "extension member '\(member.key)' \(context) is an RFC 9457 member already; choose "
                                + "another name",
                            at: Self.keyNode(member.key, in: extensionsNode) ?? extensionsNode
                        )
                    }
                    extensions = members
                } else {
                    error("'extensions' \(context) must be a mapping of member names to values", at: extensionsNode)
                }
            }
        }

        var fieldErrors: Envelope.FieldErrorLayout?
        if let fieldErrorsNode = fields["fieldErrors"] {
            fieldErrors = fieldErrorLayout(fieldErrorsNode, context: context)
        }
        let contentType = optionalString(fields["contentType"], "'contentType' \(context)")
        if let contentType, !contentType.contains("/") || contentType.contains(where: { $0 == "\r" || $0 == "\n" }) {
            error(
                "'contentType' '\(contentType)' \(context) is not a media type like 'application/json'",
                at: fields["contentType"]
            )
        }
        var alternatives: [Envelope] = []
        if let alternativesNode = fields["alternatives"] {
            alternatives = list(alternativesNode, "'alternatives' \(context)") { decoder, item, _ in
                decoder.envelope(item, isAlternative: true)
            }
        }
        return Envelope(
            format: format,
            body: body,
            extensions: extensions,
            fieldErrors: fieldErrors,
            contentType: contentType,
            alternatives: alternatives
        )
    }

    private mutating func fieldErrorLayout(_ node: YAMLNode, context: String) -> Envelope.FieldErrorLayout? {
        var map = CatalogSourceMap.Node(location: location(of: node))
        guard
            let fields = fields(
                of: node,
                in: "in 'fieldErrors' \(context)",
                allowed: Self.fieldErrorsKeys,
                required: Self.requiredFieldErrorsKeys,
                map: &map
            )
        else { return nil }
        let layout = fields["layout"].flatMap {
            word(
                $0,
                "'fieldErrors.layout'",
                Envelope.FieldErrorLayout.Layout.allCases.map(\.rawValue),
                Envelope.FieldErrorLayout.Layout.init
            )
        }
        let item = fields["item"].flatMap { jsonTemplate($0, variables: .fieldError, context: "'fieldErrors.item'") }
        var leaf = Envelope.FieldErrorLayout.defaultLeaf
        if let leafNode = fields["leaf"] {
            guard let text = string(leafNode, "'fieldErrors.leaf'") else { return nil }
            guard layout == .tree else {
                error(
                    "'fieldErrors.leaf' is for 'layout: tree', where it names the member holding each field's "
                        + "errors; remove it, or use 'layout: tree'",
                    at: leafNode
                )
                return nil
            }
            guard !text.isEmpty, !text.contains(".") else {
                error(
                    "'fieldErrors.leaf' must be a member name without dots, like '_errors' (dots separate the "
                        + "levels of a field's name in the tree)",
                    at: leafNode
                )
                return nil
            }
            leaf = text
        }
        guard let layout, let item else { return nil }
        let attributes = fields["attributes"].map { fieldErrorAttributes($0, item: item, map: &map) } ?? []
        return Envelope.FieldErrorLayout(layout: layout, item: item, leaf: leaf, attributes: attributes)
    }

    /// `attributes: {code: {description, values: {missing_field: "…", …}}}`: the item's attributes described, each
    /// one the item template uses, with its documented values (a list, or a mapping of each value to its meaning).
    private mutating func fieldErrorAttributes(
        _ node: YAMLNode,
        item: JSONTemplate,
        map: inout CatalogSourceMap.Node
    ) -> [FieldErrorAttribute] {
        guard case .mapping(let pairs) = node.value else {
            error(
                "'fieldErrors.attributes' must be a mapping of attribute names, found \(node.kindDescription)",
                at: node
            )
            return []
        }
        let used = item.placeholders.compactMap { placeholder -> String? in
            if case .attribute(let name) = FieldErrorVariable(placeholder.name) { return name }
            return nil
        }
        var result: [FieldErrorAttribute] = []
        for pair in pairs {
            guard let name = string(pair.key, "an attribute name in 'fieldErrors.attributes'") else { continue }
            let context = "of attribute '\(name)' in 'fieldErrors.attributes'"
            guard used.contains(name) else {
                error(
                    "attribute '\(name)' in 'fieldErrors.attributes' is not in 'fieldErrors.item'; write "
                        + "\"{attributes.\(name)}\" where the item carries it, or remove it"
                        + (used.isEmpty ? "" : " (the item's attributes: \(used.joined(separator: ", ")))"),
                    at: pair.key
                )
                continue
            }
            guard !result.contains(where: { $0.name == name }) else { continue }
            var attributeMap = CatalogSourceMap.Node(location: location(of: pair.value))
            guard
                let fields = fields(
                    of: pair.value,
                    in: context,
                    allowed: Self.fieldErrorAttributeKeys,
                    map: &attributeMap
                )
            else { continue }
            let description = optionalString(fields["description"], "'description' \(context)")
            let values = fields["values"].map { documentedValues($0, context: context) } ?? []
            result.append(FieldErrorAttribute(name: name, description: description, values: values))
        }
        return result
    }

    enum VariableSet {
        case body, fieldError

        func contains(_ name: String) -> Bool {
            switch self {
            case .body: EnvelopeVariable(name) != nil
            case .fieldError: FieldErrorVariable(name) != nil
            }
        }

        var names: [String] {
            switch self {
            case .body: EnvelopeVariable.named.map(\.description).sorted() + ["params.NAME"]
            case .fieldError: FieldErrorVariable.named.map(\.description).sorted() + ["attributes.NAME"]
            }
        }
    }

    /// The element at fault, and why, when an optional array's elements cannot be told apart; `nil` when they can.
    /// Each must be an object with a constant member (its tag, `"@type": "…RetryInfo"`) and a placeholder (without
    /// one it would never be written), and any two must differ in the value of a member both tags have, so that a
    /// decoder reading a body's item finds one element for it.
    static func taggedElementsProblem(
        _ elements: [JSONTemplate],
        member: String,
        context: String
    ) -> (Int, String)? {
        for (index, element) in elements.enumerated() {
            guard case .object = element else {
                return (
                    index,
                    "element \(index + 1) of '\(member)' in \(context) is not an object; an optional array holds "
                        + "objects told apart by a constant member (\"@type\": …); remove the '?' for a fixed array"
                )
            }
            if element.tag.isEmpty {
                return (
                    index,
                    "element \(index + 1) of '\(member)' in \(context) has no constant member to tell it apart; "
                        + "give it one (\"@type\": \"…\") or remove the '?'"
                )
            }
            if element.placeholders.isEmpty {
                return (
                    index,
                    "element \(index + 1) of '\(member)' in \(context) has no placeholder, so it would never be "
                        + "written; give it a member such as \"{params.NAME?}\""
                )
            }
        }
        for first in elements.indices {
            for second in elements.indices where second > first {
                let other = elements[second].tag
                let differs = elements[first].tag.contains { member in
                    other.contains { $0.key == member.key && $0.value != member.value }
                }
                if !differs {
                    return (
                        second,
                        "elements \(first + 1) and \(second + 1) of '\(member)' in \(context) are not told apart: "
                            + "give both a constant member with different values (\"@type\": …)"
                    )
                }
            }
        }
        return nil
    }

    /// A body template. Recursion is bounded by the reader's depth limit.
    mutating func jsonTemplate(_ node: YAMLNode, variables: VariableSet, context: String) -> JSONTemplate? {
        switch node.value {
        case .mapping(let pairs):
            // `code: {status}` unquoted is a YAML flow mapping, not a placeholder: say so.
            if pairs.count == 1, pairs[0].value.isNull, let key = pairs[0].key.scalarText,
                variables.contains(key.hasSuffix("?") ? String(key.dropLast()) : key)
            {
                error(
                    "{\(key)} in \(context) is read by YAML as a mapping; quote it to make it a placeholder: "
                        + "\"{\(key)}\"",
                    at: node
                )
                return nil
            }
            var members: [JSONTemplate.Member] = []
            var seen: Set<String> = []
            var isValid = true
            for pair in pairs {
                let keyNode = pair.key
                let valueNode = pair.value
                guard let written = keyNode.scalarText else {
                    error("member names in \(context) must be text, found \(keyNode.kindDescription)", at: keyNode)
                    isValid = false
                    continue
                }
                // `details?: {…}`: an object left out when none of its members is written.
                let isOptional = written.count > 1 && written.hasSuffix("?")
                let key = isOptional ? String(written.dropLast()) : written
                guard seen.insert(key).inserted else {
                    error("duplicate member '\(key)' in \(context); keep one", at: keyNode)
                    isValid = false
                    continue
                }
                guard let value = jsonTemplate(valueNode, variables: variables, context: context) else {
                    isValid = false
                    continue
                }
                if isOptional {
                    var problem: String?
                    var problemNode = keyNode
                    switch value {
                    case .object(let inner) where !inner.isEmpty:
                        problem = inner.first(where: { !$0.mayBeLeftOut }).map {
                            "'\(written)' in \(context) is never left out: its member '\($0.key)' is always written; "
                                + "make that member optional (\"{var?}\") or remove the '?'"
                        }
                    case .array(let elements) where !elements.isEmpty:
                        if let (index, text) = Self.taggedElementsProblem(elements, member: written, context: context) {
                            problem = text
                            if case .sequence(let items) = valueNode.value, items.indices.contains(index) {
                                problemNode = items[index]
                            }
                        }
                    default:
                        problem =
                            "'\(written)' in \(context): a '?' after a member name is for an object whose members may "
                            + "all be left out, or an array of objects told apart by a constant member "
                            + "(\"@type\": …), which is then left out too; for a value, write \"{var?}\""
                    }
                    if let problem {
                        error(problem, at: problemNode)
                        isValid = false
                        continue
                    }
                }
                members.append(JSONTemplate.Member(key: key, value: value, isOptional: isOptional))
            }
            return isValid ? .object(members) : nil
        case .sequence(let items):
            var elements: [JSONTemplate] = []
            var isValid = true
            for item in items {
                guard let element = jsonTemplate(item, variables: variables, context: context) else {
                    isValid = false
                    continue
                }
                elements.append(element)
            }
            return isValid ? .array(elements) : nil
        case .scalar(let text, let isPlain):
            if isPlain {
                if node.isNull { return .null }
                if let value = node.bool { return .bool(value) }
                if Self.isJSONNumber(text) { return .number(text) }
            }
            // `"{status:string}"`: the variable written as a JSON string (GitHub's `"status": "422"`), not with its
            // own JSON type.
            let conversion = Self.stringConversion(text)
            if conversion?.isOptional == true {
                error(
                    "'\(text)' in \(context): a variable written as a string cannot be optional; write "
                        + "\"{\(conversion!.name):string}\", or \"{\(conversion!.name)?}\" for its own JSON type",
                    at: node
                )
                return nil
            }
            let parsed: MessageTemplate?
            if let conversion {
                parsed = try? MessageTemplate("{\(conversion.name)}", allowingOptionalPlaceholders: true)
                if parsed == nil { error("malformed template in \(context): '\(text)'", at: node) }
            } else {
                parsed = template(node, "template in \(context)", allowingOptional: true)
            }
            guard let template = parsed else { return nil }
            var isValid = true
            for case .placeholder(let placeholder) in template.segments where !variables.contains(placeholder.name) {
                error(
                    "unknown variable '{\(placeholder.name)}' in \(context)"
                        + (Suggestion.closest(to: placeholder.name, in: variables.names).map {
                            "; did you mean '{\($0)}'?"
                        }
                            ?? "; variables are \(variables.names.joined(separator: ", "))"),
                    at: node
                )
                isValid = false
            }
            guard isValid else { return nil }
            if conversion == nil, let placeholder = template.lonePlaceholder {
                return .value(placeholder)
            }
            for case .placeholder(let placeholder) in template.segments where placeholder.isOptional {
                error(
                    "optional placeholder '{\(placeholder.name)?}' in \(context) must stand alone in its string, "
                        + "because it removes the whole member when absent; write '{\(placeholder.name)}' here",
                    at: node
                )
                return nil
            }
            return .string(template)
        }
    }

    /// The variable of a `{NAME:string}` (or `{NAME?:string}`) placeholder standing alone, else `nil`.
    static func stringConversion(_ text: String) -> (name: String, isOptional: Bool)? {
        let suffix = ":string}"
        guard text.hasPrefix("{"), text.hasSuffix(suffix), text.count > suffix.count + 1 else { return nil }
        var name = text.dropFirst().dropLast(suffix.count)
        guard !name.contains(where: { $0 == "{" || $0 == "}" || $0 == ":" }) else { return nil }
        let isOptional = name.hasSuffix("?")
        if isOptional { name = name.dropLast() }
        return name.isEmpty ? nil : (String(name), isOptional)
    }

    /// Whether `text` is a JSON number (RFC 8259 §6).
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                bytes = bytes.dropFirst()
                count += 1
            }
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integerStart = bytes.first
        let integerDigits = digits()
        guard integerDigits > 0, !(integerStart == UInt8(ascii: "0") && integerDigits > 1) else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
