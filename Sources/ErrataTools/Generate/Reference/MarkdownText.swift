/// Catalog text made safe for Markdown: nothing in it can start a table cell, a link, emphasis, code or HTML.
enum MarkdownText {
    /// Text for a table cell or a paragraph: Markdown metacharacters escaped, `<`, `>` and `&` as entities, and
    /// line breaks as `<br>` (a table row is one line).
    static func escape(_ text: String) -> String {
        var output = ""
        let characters = Array(text.replacing("\r\n", with: "\n"))
        for (index, character) in characters.enumerated() {
            switch character {
            case "\n", "\r": output += "<br>"
            case "\\", "|", "*", "`", "[", "]": output += "\\" + String(character)
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "_":
                // Inside a word an underscore is literal (`client_id`); at a word's edge it could start emphasis.
                let isInsideWord =
                    index > 0 && index < characters.count - 1
                    && isWordCharacter(characters[index - 1]) && isWordCharacter(characters[index + 1])
                output += isInsideWord ? "_" : "\\_"
            case "#", "-", "+", "=", "~":
                // At the start of a paragraph these could make a heading, a list item or a fence.
                output += output.isEmpty ? "\\" + String(character) : String(character)
            case ".", ")":
                // `1.` at the start would begin an ordered list.
                let isListNumber = !output.isEmpty && output.allSatisfy(\.isNumber)
                output += isListNumber ? "\\" + String(character) : String(character)
            default: output.append(character)
            }
        }
        return output
    }

    /// A heading's text: escaped, on one line.
    static func heading(_ text: String) -> String {
        escape(text.replacing("\r\n", with: " ").replacing("\n", with: " ").replacing("\r", with: " "))
    }

    /// An identifier as inline code (`` `MemberRefNotFound` ``) when it is plain, else escaped text.
    static func code(_ text: String) -> String {
        isPlain(text) ? "`\(text)`" : escape(text)
    }

    /// A link to an anchor on the page: `[label](#anchor)`, the label already Markdown.
    static func link(_ label: String, anchor: String) -> String {
        "[\(label)](#\(fragment(anchor)))"
    }

    /// An anchor that links can jump to: `<a id="MemberRefNotFound"></a>`.
    static func anchor(_ id: String) -> String {
        "<a id=\"\(HTML.escape(id))\"></a>"
    }

    /// A code fence long enough that no run of backticks in `content` closes it.
    static func fence(for content: String) -> String {
        var longest = 0
        var run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// An anchor as a URL fragment: letters, digits, `-`, `_` and `.` as they are, anything else percent-encoded.
    static func fragment(_ anchor: String) -> String {
        var output = ""
        for byte in anchor.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_.".unicodeScalars.contains(scalar))
            {
                output.unicodeScalars.append(scalar)
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    private static func isPlain(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "-")
            }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}

extension String {
    /// The string with `0`s in front, to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
