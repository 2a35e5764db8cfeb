import Errata
import HTTPTypes

/// Turns a ``YAMLNode`` tree into an ``ErrorCatalog``, reporting every problem it finds on the way.
///
/// Decoding never stops at the first problem: a bad value is reported and skipped, so one run shows the author
/// everything to fix. A catalog is produced only when no error was found.
///
/// `package` so that tests can compare the keys it accepts (`CatalogDecoder+Keys.swift`) with the catalog file's
/// JSON Schema.
package struct CatalogDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Every error found, including those past ``maximumReportedErrors`` that were not kept; a count, so that
    /// checking for new errors costs nothing.
    var errorCount = 0

    /// The most errors kept in ``diagnostics``. A real catalog never comes close; a hostile one (a mapping of
    /// 100,000 unknown keys) would otherwise spend most of its time writing messages nobody reads.
    static let maximumReportedErrors = 1000

    /// Whether another error would still be kept; checked before work that only serves the message.
    var isReportingErrors: Bool { errorCount < Self.maximumReportedErrors }
    var sourceMap: CatalogSourceMap

    init(file: String) {
        self.file = file
        self.sourceMap = CatalogSourceMap(file: file)
    }

    mutating func decode(_ root: YAMLNode?) -> ErrorCatalog? {
        guard let root else {
            error(
                "the file is empty; a catalog starts with 'errata: 1', 'id', 'title', 'version' and 'codes'",
                at: SourceLocation(file: file, line: 1, column: 1)
            )
            return nil
        }
        var rootMap = CatalogSourceMap.Node(location: location(of: root))
        let topLevel = fields(
            of: root,
            in: "at the top level",
            allowed: Self.topLevelKeys,
            required: Self.requiredTopLevelKeys,
            map: &rootMap
        )
        sourceMap.root = rootMap
        guard let fields = topLevel else { return nil }

        if let node = fields["errata"], let version = integer(node, "'errata'", in: 1...Int.max) {
            if version != 1 {
                error(
                    "unsupported catalog format 'errata: \(version)'; this version of Errata reads format 1",
                    at: node
                )
            }
        }
        let id = fields["id"].flatMap { identifier($0) }
        let title = fields["title"].flatMap { string($0, "'title'") }
        let version = fields["version"].flatMap { semanticVersion($0) }
        let docs = fields["docs"].flatMap { docsTemplate($0) }
        let envelope: Envelope? = fields["envelope"].map { self.envelope($0, isAlternative: false) } ?? .problem
        let retryHeader = fields["retryHeader"].flatMap { self.retryHeaderName($0) }
        let groups = fields["groups"].map { list($0, "'groups'") { $0.group($1, index: $2) } } ?? []
        let entries = fields["codes"].map { list($0, "'codes'") { $0.entry($1, index: $2) } } ?? []
        let closeCodes = fields["closeCodes"].map { list($0, "'closeCodes'") { $0.closeCode($1, index: $2) } } ?? []
        let operations = fields["operations"].map { list($0, "'operations'") { $0.operation($1, index: $2) } } ?? []

        checkUniqueNames(in: fields["codes"], kind: "code")
        checkUniqueNames(in: fields["closeCodes"], kind: "close code")
        checkUniqueNames(in: fields["operations"], kind: "operation")
        checkUniqueNames(in: fields["groups"], kind: "group")

        guard errorCount == 0, let id, let title, let version, let envelope else { return nil }
        return ErrorCatalog(
            formatVersion: 1,
            id: id,
            title: title,
            version: version,
            docs: docs,
            envelope: envelope,
            retryHeader: retryHeader,
            groups: groups,
            entries: entries,
            closeCodes: closeCodes,
            operations: operations
        )
    }

    /// `retryHeader: Stripe-Should-Retry`: a valid header field name.
    private mutating func retryHeaderName(_ node: YAMLNode) -> HTTPField.Name? {
        guard let text = string(node, "'retryHeader'") else { return nil }
        guard let name = HTTPField.Name(text) else {
            error(
                "'retryHeader' '\(text)' is not a header field name; write one like 'Stripe-Should-Retry' (letters, "
                    + "digits and -)",
                at: node
            )
            return nil
        }
        return name
    }

    // MARK: Reporting

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    mutating func error(_ message: @autoclosure () -> String, at node: YAMLNode?, rule: LintRule? = nil) {
        if isReportingErrors {
            diagnostics.append(Diagnostic(.error, message(), at: node.map(location(of:)), rule: rule?.id))
        }
        errorCount += 1
    }

    mutating func error(_ message: @autoclosure () -> String, at location: SourceLocation, rule: LintRule? = nil) {
        if isReportingErrors { diagnostics.append(Diagnostic(.error, message(), at: location, rule: rule?.id)) }
        errorCount += 1
    }

    /// Reports names used twice in a list of named items.
    ///
    /// Reads the names from the file rather than from the decoded items, so that a duplicate is found even when
    /// one of its items has other errors, and is reported at the right item.
    private mutating func checkUniqueNames(in listNode: YAMLNode?, kind: String) {
        guard case .sequence(let items)? = listNode?.value else { return }
        var first: [String: YAMLNode] = [:]
        for item in items {
            guard let nameNode = Self.value(of: "name", in: item), !nameNode.isNull, let name = nameNode.scalarText
            else { continue }
            if let earlier = first[name] {
                error(
                    "duplicate \(kind) name '\(name)', first used at line \(earlier.line); names must be unique, so "
                        + "rename one",
                    at: nameNode,
                    rule: .duplicateName
                )
            } else {
                first[name] = nameNode
            }
        }
    }

    /// The value of the first `key` in a mapping node, as written.
    static func value(of key: String, in node: YAMLNode) -> YAMLNode? {
        guard case .mapping(let pairs) = node.value else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// The first `key` of a mapping node, as written.
    static func keyNode(_ key: String, in node: YAMLNode) -> YAMLNode? {
        guard case .mapping(let pairs) = node.value else { return nil }
        return pairs.first { $0.key.scalarText == key }?.key
    }

    /// How messages name a list item: `code 'MemberNotFound'` once its name is known, else `code #3`.
    static func itemName(_ kind: String, _ node: YAMLNode, index: Int) -> String {
        if let name = value(of: "name", in: node)?.scalarText, !name.isEmpty { return "\(kind) '\(name)'" }
        return "\(kind) #\(index + 1)"
    }

    // MARK: Structure

    /// The values of a mapping by key, after reporting unknown, duplicate and missing keys.
    mutating func fields(
        of node: YAMLNode,
        in context: String,
        allowed: [String],
        required: [String] = [],
        map: inout CatalogSourceMap.Node
    ) -> [String: YAMLNode]? {
        guard case .mapping(let pairs) = node.value else {
            error("expected a mapping \(context), found \(node.kindDescription)", at: node)
            return nil
        }
        var result: [String: YAMLNode] = [:]
        // A misspelt key stands in for the key it was meant to be, when that key is not written too, so that one
        // typo is one error: not also "missing required key", or a check that needed the key.
        let writtenKeys = Set(pairs.compactMap { $0.key.scalarText })
        var standIns: [String: YAMLNode] = [:]
        for pair in pairs {
            let keyNode = pair.key
            let value = pair.value
            guard let key = keyNode.scalarText, !keyNode.isNull || keyNode.scalarText == "null" else {
                error("expected a text key \(context), found \(keyNode.kindDescription)", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                let suggestion = isReportingErrors ? Suggestion.closest(to: key, in: allowed) : nil
                if let suggestion {
                    error(
                        "unknown key \(Self.quotedKey(keyNode)) \(context); did you mean '\(suggestion)'?",
                        at: keyNode
                    )
                    if !writtenKeys.contains(suggestion), standIns[suggestion] == nil { standIns[suggestion] = value }
                } else {
                    error(
                        "unknown key \(Self.quotedKey(keyNode)) \(context); allowed keys are "
                            + allowed.map { "'\($0)'" }.joined(separator: ", "),
                        at: keyNode
                    )
                }
                continue
            }
            if result[key] != nil {
                error("duplicate key '\(key)' \(context); keep one", at: keyNode)
                continue
            }
            result[key] = value
            map.keys[key] = location(of: value)
        }
        result.merge(standIns) { written, _ in written }
        for key in required where result[key] == nil {
            error("missing required key '\(key)' \(context)", at: node)
        }
        return result
    }

    /// Decodes each item of a list, skipping items that fail.
    mutating func list<T>(
        _ node: YAMLNode,
        _ what: String,
        _ decodeItem: (inout CatalogDecoder, YAMLNode, Int) -> T?
    ) -> [T] {
        if node.isNull { return [] }
        guard case .sequence(let items) = node.value else {
            error("\(what) must be a list (items starting with '- '), found \(node.kindDescription)", at: node)
            return []
        }
        var result: [T] = []
        for (index, item) in items.enumerated() {
            if let value = decodeItem(&self, item, index) { result.append(value) }
        }
        return result
    }

    // MARK: Scalars

    mutating func string(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = node.scalarText else {
            error("\(what) must be text, found \(node.kindDescription)", at: node)
            return nil
        }
        if node.isNull {
            error("\(what) is empty; give it a value or remove the key", at: node)
            return nil
        }
        return text
    }

    /// Optional text: a null value counts as absent.
    mutating func optionalString(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node, !node.isNull else { return nil }
        return string(node, what)
    }

    /// `values: [a, b]` or `values: {a: "what a means", …}`: the values an API documents, each once.
    mutating func documentedValues(_ node: YAMLNode, context: String) -> [DocumentedValue] {
        var written: [(YAMLNode, String?)] = []
        switch node.value {
        case .sequence(let items): written = items.map { ($0, nil) }
        case .mapping(let pairs):
            for pair in pairs {
                written.append((pair.key, optionalString(pair.value, "the meaning of a value \(context)")))
            }
        default:
            error(
                "'values' \(context) must be a list of values, or a mapping of each value to what it means, found "
                    + node.kindDescription,
                at: node
            )
        }
        var values: [DocumentedValue] = []
        for (valueNode, meaning) in written {
            guard let value = string(valueNode, "a value \(context)") else { continue }
            guard !values.contains(where: { $0.value == value }) else {
                error("value '\(value)' \(context) is listed twice; list each value once", at: valueNode)
                continue
            }
            values.append(DocumentedValue(value, description: meaning))
        }
        return values
    }

    mutating func integer(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = node.integer else {
            var message = "\(what) must be a whole number, found \(node.kindDescription)"
            if case .scalar(let text, false) = node.value, Int(text) != nil {
                message += "; remove the quotes"
            }
            error(message, at: node)
            return nil
        }
        guard range.contains(value) else {
            let bounds =
                range.upperBound == .max ? "at least \(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            error("\(what) is \(value), out of range; it must be \(bounds)", at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let value = node.bool else {
            error("\(what) must be true or false, found \(node.kindDescription)", at: node)
            return nil
        }
        return value
    }

    /// One of a fixed set of words (`kind: error`).
    mutating func word<T>(_ node: YAMLNode, _ what: String, _ choices: [String], _ make: (String) -> T?) -> T? {
        guard let text = string(node, what) else { return nil }
        if let value = make(text) { return value }
        error(
            "\(what) is '\(text)', which is not one of \(choices.map { "'\($0)'" }.joined(separator: ", "))"
                + Suggestion.hint(for: text, in: choices),
            at: node
        )
        return nil
    }

    /// A template, with a parse error reported at the offending character.
    mutating func template(_ node: YAMLNode, _ what: String, allowingOptional: Bool = false) -> MessageTemplate? {
        guard let text = string(node, what) else { return nil }
        do {
            return try MessageTemplate(text, allowingOptionalPlaceholders: allowingOptional)
        } catch {
            // Point at the offending character when the text is written as it reads, on one line; otherwise
            // (escapes, folding, block scalars) at the start of the value.
            var location = location(of: node)
            if let textColumn = node.textColumn {
                location.column = textColumn + text.prefix(error.offset).unicodeScalars.count
            }
            self.error("malformed \(what): \(error.reason)", at: location)
            return nil
        }
    }

    private mutating func identifier(_ node: YAMLNode) -> String? {
        guard let text = string(node, "'id'") else { return nil }
        let isValid =
            !text.isEmpty && text.utf8.count <= 64
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard isValid else {
            error(
                "'id' '\(text)' must be lowercase letters, digits and '-' (at most 64), like 'pluralkit'; it names "
                    + "the catalog in URLs and file names",
                at: node
            )
            return nil
        }
        return text
    }

    private mutating func semanticVersion(_ node: YAMLNode) -> String? {
        guard let text = string(node, "'version'") else { return nil }
        guard SemanticVersion(text) != nil else {
            error("'version' '\(text)' is not a semantic version; write MAJOR.MINOR.PATCH, like '1.0.0'", at: node)
            return nil
        }
        return text
    }

    private mutating func docsTemplate(_ node: YAMLNode) -> MessageTemplate? {
        guard let template = template(node, "'docs' template") else { return nil }
        for name in template.parameterNames where !Self.docsPlaceholders.contains(name) {
            error(
                "'docs' uses unknown placeholder '{\(name)}'; a documentation link may use {code}, {name} and "
                    + "{status}\(Suggestion.hint(for: name, in: Self.docsPlaceholders))",
                at: node,
                rule: .malformedDocs
            )
            return nil
        }
        return template
    }

    /// Whether `text` is an UpperCamelCase symbol.
    static func isUpperCamelCase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }

    mutating func symbol(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard Self.isUpperCamelCase(text) else {
            error(
                "\(what) '\(text)' must be UpperCamelCase (letters and digits, starting with a capital), like "
                    + "'\(Self.upperCamelCased(text))'; it becomes a Swift symbol",
                at: node
            )
            return nil
        }
        return text
    }

    static func upperCamelCased(_ text: String) -> String {
        let words = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let joined = words.map { word -> String in
            let lower = word.allSatisfy { $0.isUppercase || $0.isNumber } ? word.lowercased() : String(word)
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined()
        return joined.first?.isLetter == true ? joined : "E" + joined
    }
}
