/// How catalog text is spelled in generated Swift: string literals, comments and identifiers.
///
/// Catalog text may hold anything a YAML file can: quotes, backslashes, `\(`, line breaks, bidirectional
/// controls. A literal spells every such character with an escape, so that the compiled string is the catalog's
/// text exactly and the source shows no invisible or reordering characters; a comment never lets a line break
/// through.
enum SwiftSpelling {
    // MARK: Literals

    /// A Swift string literal whose value is `text`, on one line.
    static func stringLiteral(_ text: String) -> String {
        var result = "\""
        // A combining mark right after the opening quote or an escape would render fused with it.
        var followsBase = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if isShownAsIs(scalar) && (followsBase || !isCombiningMark(scalar)) {
                    result.unicodeScalars.append(scalar)
                    followsBase = true
                    continue
                }
                result += unicodeEscape(scalar)
            }
            followsBase = false
        }
        return result + "\""
    }

    /// The lines of a comment that shows `text`: split at every line break, with characters that are invisible or
    /// reorder text spelled as `\u{…}`.
    static func commentLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\n" where previous == "\r":
                continue
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}":
                lines.append(line)
                line = ""
            case "\t":
                line += " "
            default:
                if isShownAsIs(scalar) {
                    line.unicodeScalars.append(scalar)
                } else {
                    line += unicodeEscape(scalar)
                }
            }
        }
        lines.append(line)
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    /// `text` as one comment line: line breaks become spaces.
    static func commentText(_ text: String) -> String {
        commentLines(text).joined(separator: " ")
    }

    /// Whether a scalar is written as itself in a literal or comment: printable ASCII, and letters, marks, numbers,
    /// punctuation and symbols beyond it. Controls, format characters (bidirectional overrides, zero-width joiners),
    /// separators other than the space, private-use and unassigned scalars are escaped.
    private static func isShownAsIs(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            // Variation selectors are marks, but invisible.
            return !scalar.properties.isVariationSelector
        default:
            return false
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    // MARK: Identifiers

    /// Words Swift reserves, which an identifier must spell in backticks; a few contextual keywords are included
    /// because they read ambiguously where they are allowed bare. Backticks around any identifier are harmless.
    static let keywords: Set<String> = [
        // Declarations
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        // Statements
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "switch", "throw", "where", "while",
        // Expressions and types
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        // Contextual
        "actor", "any", "async", "consume", "copy", "discard", "each", "isolated", "macro", "sending", "some",
        "Protocol", "Type",
    ]

    /// Names that cannot be a member's name even in backticks, or that would mean something else after a dot.
    static let unusableMemberNames: Set<String> = [
        "_", "init", "deinit", "subscript", "self", "Self", "Type", "Protocol",
    ]

    /// `identifier` in backticks when it is a keyword.
    static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// `identifier` as an argument label in a call, where only `inout`, `var` and `let` need backticks (Swift warns
    /// about others).
    static func argumentLabel(_ identifier: String) -> String {
        ["inout", "var", "let"].contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The ASCII words of `text`: runs of letters and digits, split at other characters.
    static func words(_ text: String) -> [Substring] {
        text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    /// `MemberRefNotFound` → `memberRefNotFound`, `HTTPError` → `httpError`, `IDTooLong` → `idTooLong`,
    /// `member-not-found` → `memberNotFound`; an identifier that would start with a digit starts with `_`.
    static func lowerCamelCase(_ name: String) -> String {
        let words = words(name)
        var result = ""
        for (index, word) in words.enumerated() {
            if index == 0 {
                result += lowercasingLeadingCapitals(word)
            } else {
                result += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        if let first = result.first, first.isNumber { result = "_" + result }
        return result
    }

    /// `PluralKit API v2` → `PluralKitAPIV2`, `rest-error-codes` → `RestErrorCodes`.
    static func upperCamelCase<Words: Sequence<Substring>>(_ words: Words) -> String {
        words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Lowercases a word's leading capitals, keeping the last one of a run that starts the next word
    /// (`HTTPError` → `httpError`, `Ok` → `ok`, `ID` → `id`).
    private static func lowercasingLeadingCapitals(_ word: Substring) -> String {
        let characters = Array(word)
        var run = 0
        while run < characters.count, characters[run].isUppercase { run += 1 }
        if run == 0 { return String(word) }
        if run > 1, run < characters.count, characters[run].isLowercase { run -= 1 }
        return String(characters[..<run]).lowercased() + String(characters[run...])
    }

    /// Whether `text` is usable as a type name as it is: ASCII letters, digits and `_`, not starting with a digit,
    /// and not a keyword.
    static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        let isSpelledRight = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
        return isSpelledRight && !keywords.contains(text) && text != "_"
    }
}
