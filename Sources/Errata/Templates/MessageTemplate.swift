/// A message with named holes: `Member '{memberRef}' not found.`
///
/// `{name}` is a parameter and `{{` / `}}` are literal braces. A parameter's value is inserted as it is and is
/// never expanded again: rendering `{x}` with the value `{y}` gives `{y}`. The same template, run backwards by
/// ``match(_:)``, pulls the parameter values back out of a rendered message.
///
/// Names are letters, digits and `_`, starting with a letter or `_`; envelope templates also use dotted names
/// (`params.memberRef`) and an optional marker (`{errors?}`), which a template accepts only when parsed with
/// `allowingOptionalPlaceholders`.
public struct MessageTemplate: Hashable, Sendable {
    /// The template as written.
    public let source: String
    /// The template split into literal text and placeholders, in order.
    public let segments: [Segment]

    /// A piece of a template.
    public enum Segment: Hashable, Sendable {
        /// Text copied as it is (braces already unescaped).
        case literal(String)
        /// A hole filled with a value.
        case placeholder(Placeholder)
    }

    /// A hole in a template.
    public struct Placeholder: Hashable, Sendable {
        /// The parameter or variable name (`memberRef`, `params.memberRef`).
        public var name: String
        /// Whether the placeholder was written `{name?}`: in an envelope, the member is left out when the value is
        /// absent.
        public var isOptional: Bool

        /// Creates a placeholder.
        public init(name: String, isOptional: Bool = false) {
            self.name = name
            self.isOptional = isOptional
        }
    }

    /// Parses a template.
    ///
    /// - Parameters:
    ///   - source: The template text.
    ///   - allowingOptionalPlaceholders: Whether `{name?}` is accepted (envelope templates); message templates
    ///     reject it.
    /// - Throws: ``ParseError`` naming the offending character offset and how to fix it.
    public init(_ source: String, allowingOptionalPlaceholders: Bool = false) throws(ParseError) {
        self.source = source
        self.segments = try Self.parse(source, allowingOptional: allowingOptionalPlaceholders)
    }

    /// The placeholder names in order of first appearance, each once.
    public var parameterNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for case .placeholder(let placeholder) in segments where seen.insert(placeholder.name).inserted {
            names.append(placeholder.name)
        }
        return names
    }

    /// The placeholder, when the template is one placeholder and nothing else (`{status}`); `nil` otherwise.
    package var lonePlaceholder: Placeholder? {
        guard segments.count == 1, case .placeholder(let placeholder) = segments[0] else { return nil }
        return placeholder
    }

    /// Whether the template has no placeholders.
    public var isConstant: Bool {
        !segments.contains { if case .placeholder = $0 { true } else { false } }
    }

    /// Renders the template, looking each placeholder's value up by name.
    ///
    /// - Throws: ``RenderError`` naming the first placeholder `value(for:)` has no value for.
    public func render(_ value: (String) -> String?) throws(RenderError) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .literal(let text):
                result += text
            case .placeholder(let placeholder):
                guard let text = value(placeholder.name) else {
                    throw RenderError(missingParameter: placeholder.name, template: source)
                }
                result += text
            }
        }
        return result
    }

    /// Renders the template with values from a dictionary.
    ///
    /// - Throws: ``RenderError`` naming the first placeholder with no value.
    public func render(_ values: [String: String]) throws(RenderError) -> String {
        try render { values[$0] }
    }
}

extension MessageTemplate {
    /// The template with the placeholders `values` has a value for written in as literal text: an entry's
    /// constants, folded in once when the entry is compiled so that a message over constants alone is constant.
    package func substituting(_ values: [String: String]) -> MessageTemplate {
        if values.isEmpty { return self }
        var segments: [Segment] = []
        for segment in self.segments {
            var segment = segment
            if case .placeholder(let placeholder) = segment, let value = values[placeholder.name] {
                segment = .literal(value)
            }
            if case .literal(let text) = segment, case .literal(let previous)? = segments.last {
                segments[segments.count - 1] = .literal(previous + text)
            } else {
                segments.append(segment)
            }
        }
        let source = segments.map { segment -> String in
            switch segment {
            case .literal(let text): text.replacing("{", with: "{{").replacing("}", with: "}}")
            case .placeholder(let placeholder): "{\(placeholder.name)\(placeholder.isOptional ? "?" : "")}"
            }
        }
        return MessageTemplate(source: source.joined(), segments: segments)
    }

    private init(source: String, segments: [Segment]) {
        self.source = source
        self.segments = segments
    }
}

extension MessageTemplate: CustomStringConvertible {
    /// The template as written.
    public var description: String { source }
}

extension MessageTemplate {
    /// A template that is not well formed.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong, and how to fix it.
        public var reason: String
        /// The offset, in characters from the start of the template, of the character at fault.
        public var offset: Int

        public var description: String { reason }
    }

    /// A template rendered without a value for one of its placeholders.
    public struct RenderError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The placeholder with no value.
        public var missingParameter: String
        /// The template being rendered.
        public var template: String

        public var description: String {
            "no value for parameter '\(missingParameter)' of template \"\(template)\""
        }
    }
}

extension MessageTemplate {
    private static func parse(_ source: String, allowingOptional: Bool) throws(ParseError) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var index = source.startIndex
        var offset = 0

        func flushLiteral() {
            if !literal.isEmpty {
                segments.append(.literal(literal))
                literal = ""
            }
        }

        while index < source.endIndex {
            let character = source[index]
            let next = source.index(after: index)
            switch character {
            case "{" where next < source.endIndex && source[next] == "{":
                literal.append("{")
                index = source.index(after: next)
                offset += 2
            case "}" where next < source.endIndex && source[next] == "}":
                literal.append("}")
                index = source.index(after: next)
                offset += 2
            case "}":
                throw ParseError(
                    reason: "unmatched '}' at offset \(offset); write '}}' for a literal brace",
                    offset: offset
                )
            case "{":
                guard let close = source[next...].firstIndex(of: "}") else {
                    throw ParseError(
                        reason: "unclosed '{' at offset \(offset); close the placeholder with '}' or write '{{' "
                            + "for a literal brace",
                        offset: offset
                    )
                }
                var name = source[next..<close]
                var isOptional = false
                if name.hasSuffix("?") {
                    guard allowingOptional else {
                        throw ParseError(
                            reason: "optional placeholder '{\(name)}' at offset \(offset) is only allowed in "
                                + "envelope templates; write '{\(name.dropLast())}'",
                            offset: offset
                        )
                    }
                    isOptional = true
                    name = name.dropLast()
                }
                guard !name.isEmpty else {
                    throw ParseError(
                        reason: "empty placeholder '{}' at offset \(offset); name a parameter, as in '{memberRef}', "
                            + "or write '{{}}' for literal braces",
                        offset: offset
                    )
                }
                guard Self.isValidName(name) else {
                    throw ParseError(
                        reason: "invalid parameter name '\(name)' at offset \(offset); use letters, digits and '_', "
                            + "starting with a letter (write '{{' for a literal brace)",
                        offset: offset
                    )
                }
                flushLiteral()
                segments.append(.placeholder(Placeholder(name: String(name), isOptional: isOptional)))
                offset += source[index...close].count
                index = source.index(after: close)
            default:
                literal.append(character)
                index = next
                offset += 1
            }
        }
        flushLiteral()
        return segments
    }

    /// Whether `name` is a parameter name: dot-separated identifiers of ASCII letters, digits and `_`, each
    /// starting with a letter or `_`.
    package static func isValidName(_ name: Substring) -> Bool {
        name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.utf8.first, first == UInt8(ascii: "_") || isASCIILetter(first) else { return false }
            return part.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isASCIILetter($0) || isASCIIDigit($0) }
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
