/// A YAML node with its position: the tree the catalog decoder walks.
///
/// Built by ``YAMLReader`` from libyaml's events, so its depth and size are bounded before anything walks it.
struct YAMLNode {
    enum Value {
        /// A scalar's text, and whether it was written plain (unquoted): only plain scalars resolve to numbers,
        /// Booleans and null.
        case scalar(String, isPlain: Bool)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    /// A key and its value in a mapping.
    struct Pair {
        var key: YAMLNode
        var value: YAMLNode
    }

    var value: Value
    /// 1-based line.
    var line: Int
    /// 1-based column.
    var column: Int
    /// For a scalar whose text is written exactly as it reads, on one line (plain, or quoted without escapes),
    /// the column of its first character, so that its N-th character is at `textColumn + N`; otherwise `nil`.
    var textColumn: Int?

    /// The scalar's text, whatever its style.
    var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// Whether this is a plain `null`, `~` or empty scalar.
    var isNull: Bool {
        if case .scalar(let text, true) = value { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    /// The integer a plain scalar spells in decimal (`404`, `-1`, `+3`); `nil` otherwise, or on overflow.
    var integer: Int? {
        guard case .scalar(let text, true) = value else { return nil }
        var digits = Substring(text)
        if digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
        return Int(digits)
    }

    /// The Boolean a plain scalar spells (`true`, `false`, YAML 1.2 core schema; `yes`/`no` stay text).
    var bool: Bool? {
        guard case .scalar(let text, true) = value else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A word for the node's type, for messages: `a mapping`, `a list`, `the text 'abc'`.
    var kindDescription: String {
        switch value {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, let isPlain):
            if isNull { return "nothing (null)" }
            if isPlain, integer != nil { return "the number \(text)" }
            if isPlain, bool != nil { return "the Boolean \(text)" }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "the text '\(shown)'"
        }
    }
}
