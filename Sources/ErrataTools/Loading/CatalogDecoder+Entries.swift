import Errata
import HTTPTypes

extension CatalogDecoder {
    mutating func entry(_ node: YAMLNode, index: Int) -> ErrorEntry? {
        var map = CatalogSourceMap.Node(location: location(of: node))
        defer { sourceMap.entries.append(map) }
        // Name the entry in messages as soon as we know its name.
        let entryName = Self.itemName("code", node, index: index)
        let context = "in \(entryName)"
        guard
            let fields = fields(
                of: node,
                in: context,
                allowed: Self.entryKeys,
                required: Self.requiredEntryKeys,
                map: &map
            )
        else { return nil }
        let errorsBefore = errorCount

        let name = fields["name"].flatMap { symbol($0, "name") }
        var code: ErrorCode?
        if let node = fields["code"], !node.isNull {
            if let value = node.integer {
                code = .integer(value)
            } else if node.scalarText == nil {
                error("'code' \(context) must be a whole number or text, found \(node.kindDescription)", at: node)
            } else if let text = string(node, "'code' \(context)") {
                if text.isEmpty { error("'code' \(context) is empty; remove it or give a value", at: node) }
                code = .string(text)
            }
        }
        let status = fields["status"].flatMap { integer($0, "'status' \(context)", in: 100...599) }
        if fields["code"] == nil, fields["status"] == nil {
            error(
                "\(entryName) has neither 'code' nor 'status'; give at least one so the wire can identify it",
                at: node
            )
        }
        let otherStatuses =
            fields["otherStatuses"].map { self.otherStatuses($0, status: status, context: context) } ?? []
        let title = optionalString(fields["title"], "'title' \(context)")
        let message = fields["message"].flatMap { template($0, "'message' \(context)") }
        let parameters = fields["params"].map { parameterDeclarations($0, context: context, map: &map) } ?? []
        let description = optionalString(fields["description"], "'description' \(context)")
        let kind = fields["kind"].flatMap {
            word($0, "'kind' \(context)", ErrorEntry.Kind.allCases.map(\.rawValue), ErrorEntry.Kind.init(rawValue:))
        }
        let origin = fields["origin"].flatMap {
            word($0, "'origin' \(context)", ErrorEntry.Origin.allCases.map(\.rawValue), ErrorEntry.Origin.init)
        }
        let retry = fields["retry"].flatMap { retryRule($0, context: context) }
        let hasFieldErrors = fields["fields"].flatMap { bool($0, "'fields' \(context)") }
        let headers = fields["headers"].map { headerTemplates($0, context: context, map: &map) } ?? []
        let isDeprecated = fields["deprecated"].flatMap { bool($0, "'deprecated' \(context)") }
        let group = optionalString(fields["group"], "'group' \(context)")
        let docs = optionalString(fields["docs"], "'docs' \(context)")
        let allowances = fields["lint"].flatMap { lintAllowances($0, context: context, map: &map) }

        guard errorCount == errorsBefore, let name else { return nil }
        return ErrorEntry(
            name: name,
            code: code,
            status: status.map { HTTPResponse.Status(code: $0) },
            otherStatuses: otherStatuses.map { HTTPResponse.Status(code: $0) },
            title: title,
            message: message,
            parameters: parameters,
            description: description,
            kind: kind ?? .error,
            origin: origin ?? .server,
            retry: retry ?? .never,
            hasFieldErrors: hasFieldErrors ?? false,
            headers: headers,
            isDeprecated: isDeprecated ?? false,
            group: group,
            docs: docs,
            lintAllowances: allowances
        )
    }

    /// `otherStatuses: [429]`: error statuses beside the entry's `status`, each once.
    mutating func otherStatuses(_ node: YAMLNode, status: Int?, context: String) -> [Int] {
        guard case .sequence(let items) = node.value else {
            error(
                "'otherStatuses' \(context) must be a list of HTTP statuses, like [429], found \(node.kindDescription)",
                at: node
            )
            return []
        }
        guard let status else {
            error(
                "'otherStatuses' \(context) needs a 'status', the one a server writes; the others are statuses the "
                    + "API also answers this error with",
                at: node
            )
            return []
        }
        var result: [Int] = []
        for item in items {
            guard let other = integer(item, "an item of 'otherStatuses' \(context)", in: 400...599) else { continue }
            guard other != status, !result.contains(other) else {
                error(
                    "\(other) is in 'otherStatuses' \(context) twice, or is its 'status'; list each status once",
                    at: item
                )
                continue
            }
            result.append(other)
        }
        return result
    }

    mutating func retryRule(_ node: YAMLNode, context: String) -> ErrorEntry.RetryRule? {
        word(node, "'retry' \(context)", ErrorEntry.RetryRule.allCases.map(\.rawValue), ErrorEntry.RetryRule.init)
    }

    private mutating func parameterDeclarations(
        _ node: YAMLNode,
        context: String,
        map: inout CatalogSourceMap.Node
    ) -> [ParameterDeclaration] {
        guard case .mapping(let pairs) = node.value else {
            error(
                "'params' \(context) must be a mapping from parameter name to { type, description }, found "
                    + node.kindDescription,
                at: node
            )
            return []
        }
        var result: [ParameterDeclaration] = []
        var seen: Set<String> = []
        for pair in pairs {
            let keyNode = pair.key
            let value = pair.value
            guard let name = keyNode.scalarText, MessageTemplate.isValidName(Substring(name)), !name.contains(".")
            else {
                error(
                    "parameter name \(Self.quotedKey(keyNode)) \(context) is not valid; use letters, digits and '_', "
                        + "starting with a letter, like 'memberRef'",
                    at: keyNode
                )
                continue
            }
            guard seen.insert(name).inserted else {
                error("parameter '\(name)' is declared twice \(context); keep one", at: keyNode)
                continue
            }
            map.keys["params.\(name)"] = location(of: keyNode)
            var declaration = ParameterDeclaration(name: name)
            if !value.isNull {
                var inner = CatalogSourceMap.Node(location: location(of: value))
                if let fields = fields(
                    of: value,
                    in: "in parameter '\(name)' \(context)",
                    allowed: Self.parameterKeys,
                    map: &inner
                ) {
                    if let typeNode = fields["type"],
                        let type = word(
                            typeNode,
                            "'type' of parameter '\(name)'",
                            ParameterType.allCases.map(\.rawValue),
                            ParameterType.init(rawValue:)
                        )
                    {
                        declaration.type = type
                    }
                    declaration.description = optionalString(fields["description"], "'description' of '\(name)'")
                    if let valuesNode = fields["values"] {
                        declaration.values = documentedValues(valuesNode, context: "of parameter '\(name)' \(context)")
                    }
                    if let constantNode = fields["const"] {
                        declaration.constant = constant(
                            constantNode,
                            of: declaration.type,
                            "'const' of parameter '\(name)' \(context)"
                        )
                    }
                }
            }
            result.append(declaration)
        }
        return result
    }

    /// A parameter's constant: a scalar that is a value of the parameter's type, kept as its text.
    private mutating func constant(_ node: YAMLNode, of type: ParameterType, _ what: String) -> String? {
        let example =
            switch type {
            case .integer: "402"
            case .number: "2.5"
            case .boolean: "true"
            default: "card_error"
            }
        guard case .scalar(let text, _) = node.value, !node.isNull else {
            error(
                "\(what) must be a single \(type) value, found \(node.kindDescription); write the value itself, "
                    + "like 'const: \(example)'",
                at: node
            )
            return nil
        }
        guard type == .string || type.isLiteral(text) else {
            error(
                "\(what) is '\(text)', which is not a JSON \(type); write one like '\(example)', or declare the "
                    + "parameter's 'type' as string",
                at: node
            )
            return nil
        }
        return text
    }

    private mutating func headerTemplates(
        _ node: YAMLNode,
        context: String,
        map: inout CatalogSourceMap.Node
    ) -> [ErrorEntry.Header] {
        guard case .mapping(let pairs) = node.value else {
            error(
                "'headers' \(context) must be a mapping from header name to value, found \(node.kindDescription)",
                at: node
            )
            return []
        }
        var result: [ErrorEntry.Header] = []
        var seen: Set<String> = []
        for pair in pairs {
            let keyNode = pair.key
            let value = pair.value
            guard let name = keyNode.scalarText, HTTPField.Name(name) != nil else {
                error(
                    "header name \(Self.quotedKey(keyNode)) \(context) is not a valid HTTP field name; use letters, "
                        + "digits and '-', like 'WWW-Authenticate'",
                    at: keyNode
                )
                continue
            }
            guard seen.insert(name.lowercased()).inserted else {
                error("header '\(name)' is declared twice \(context); keep one", at: keyNode)
                continue
            }
            map.keys["headers.\(name)"] = location(of: value)
            guard let template = template(value, "value of header '\(name)' \(context)") else { continue }
            let literalText = template.segments.compactMap { if case .literal(let text) = $0 { text } else { nil } }
            if literalText.contains(where: { $0.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" } }) {
                error(
                    "value of header '\(name)' \(context) contains a line break or NUL, which would split the "
                        + "response; write it on one line",
                    at: value
                )
                continue
            }
            result.append(ErrorEntry.Header(name: name, value: template))
        }
        return result
    }

    private mutating func lintAllowances(
        _ node: YAMLNode,
        context: String,
        map: inout CatalogSourceMap.Node
    ) -> ErrorEntry.LintAllowances? {
        var inner = CatalogSourceMap.Node(location: location(of: node))
        guard
            let fields = fields(
                of: node,
                in: "in 'lint' \(context)",
                allowed: Self.lintKeys,
                required: Self.requiredLintKeys,
                map: &inner
            )
        else { return nil }
        var rules: [String] = []
        if let allow = fields["allow"] {
            rules = list(allow, "'lint.allow' \(context)") { decoder, item, _ -> String? in
                guard let id = decoder.string(item, "a rule in 'lint.allow'") else { return nil }
                guard LintRule.named(id) != nil else {
                    decoder.error(
                        "unknown lint rule '\(id)' \(context)"
                            + (Suggestion.closest(to: id, in: LintRule.all.map(\.id)).map { "; did you mean '\($0)'?" }
                                ?? "; 'errata lint --rules' lists them"),
                        at: item
                    )
                    return nil
                }
                return id
            }
        }
        let reason = fields["reason"].flatMap { string($0, "'lint.reason' \(context)") }
        guard let reason else { return nil }
        return ErrorEntry.LintAllowances(rules: rules, reason: reason)
    }

    mutating func group(_ node: YAMLNode, index: Int) -> CodeGroup? {
        var map = CatalogSourceMap.Node(location: location(of: node))
        defer { sourceMap.groups.append(map) }
        let context = "in group #\(index + 1)"
        guard
            let fields = fields(
                of: node,
                in: context,
                allowed: Self.groupKeys,
                required: Self.requiredGroupKeys,
                map: &map
            )
        else { return nil }
        let name = fields["name"].flatMap { string($0, "'name' \(context)") }
        let description = optionalString(fields["description"], "'description' \(context)")
        guard let codesNode = fields["codes"], let name else { return nil }
        let range: ClosedRange<Int>?
        if let single = codesNode.integer {
            range = single...single
        } else if let text = codesNode.scalarText {
            let bounds = text.split(separator: "...", omittingEmptySubsequences: false)
            if bounds.count == 2, let low = Int(bounds[0].trimmingSpaces), let high = Int(bounds[1].trimmingSpaces),
                low <= high
            {
                range = low...high
            } else {
                error(
                    "'codes' of group '\(name)' must be a range 'LOW...HIGH' with LOW ≤ HIGH, like '20001...20999', "
                        + "found \(codesNode.kindDescription)",
                    at: codesNode
                )
                range = nil
            }
        } else {
            error(
                "'codes' of group '\(name)' must be a range like '20001...20999', found \(codesNode.kindDescription)",
                at: codesNode
            )
            range = nil
        }
        guard let range else { return nil }
        return CodeGroup(name: name, codes: range, description: description)
    }

    mutating func closeCode(_ node: YAMLNode, index: Int) -> CloseCodeEntry? {
        var map = CatalogSourceMap.Node(location: location(of: node))
        defer { sourceMap.closeCodes.append(map) }
        let context = "in \(Self.itemName("close code", node, index: index))"
        guard
            let fields = fields(
                of: node,
                in: context,
                allowed: Self.closeCodeKeys,
                required: Self.requiredCloseCodeKeys,
                map: &map
            )
        else { return nil }
        let code = fields["code"].flatMap { integer($0, "'code' \(context)", in: 1000...4999) }
        let name = fields["name"].flatMap { symbol($0, "close code name") }
        let reason = optionalString(fields["reason"], "'reason' \(context)")
        let description = optionalString(fields["description"], "'description' \(context)")
        let retry = fields["retry"].flatMap { retryRule($0, context: context) }
        guard let code, let name else { return nil }
        return CloseCodeEntry(
            code: WebSocketCloseCode(rawValue: UInt16(code)),
            name: name,
            reason: reason,
            description: description,
            retry: retry ?? .never
        )
    }

    mutating func operation(_ node: YAMLNode, index: Int) -> Operation? {
        var map = CatalogSourceMap.Node(location: location(of: node))
        defer { sourceMap.operations.append(map) }
        let context = "in \(Self.itemName("operation", node, index: index))"
        guard
            let fields = fields(
                of: node,
                in: context,
                allowed: Self.operationKeys,
                required: Self.requiredOperationKeys,
                map: &map
            )
        else { return nil }
        let name = fields["name"].flatMap { symbol($0, "operation name") }
        let id = fields["id"].flatMap { integer($0, "'id' \(context)", in: Int.min...Int.max) }
        let route = fields["route"].flatMap { routeText($0, context: context) }
        let description = optionalString(fields["description"], "'description' \(context)")
        var codes: [String] = []
        if let codesNode = fields["codes"] {
            codes = list(codesNode, "'codes' \(context)") { decoder, item, position -> String? in
                map.keys["codes.\(position)"] = decoder.location(of: item)
                return decoder.string(item, "an entry name in 'codes' \(context)")
            }
        }
        guard let name else { return nil }
        return Operation(name: name, id: id, route: route, description: description, codes: codes)
    }

    private mutating func routeText(_ node: YAMLNode, context: String) -> String? {
        guard let text = string(node, "'route' \(context)") else { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, HTTPRequest.Method(String(parts[0])) != nil,
            parts[0].allSatisfy({ $0.isUppercase }), parts[1].hasPrefix("/")
        else {
            error("'route' '\(text)' \(context) must be 'METHOD /path', like 'GET /members/{memberRef}'", at: node)
            return nil
        }
        return text
    }
}

extension CatalogDecoder {
    /// A key for messages: `'member-ref'` (cut at 40 characters), or what it is when it is not text (`a list`).
    static func quotedKey(_ node: YAMLNode) -> String {
        guard let text = node.scalarText, !node.isNull else { return node.kindDescription }
        return text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}
