/// A tiny writer for generated Swift: lines, indentation and documentation comments.
struct SwiftCodeWriter {
    private(set) var text = ""
    private var depth = 0

    /// Writes a line at the current indentation; an empty line stays empty.
    mutating func line(_ line: String = "") {
        if !line.isEmpty { text += String(repeating: "    ", count: depth) + line }
        text += "\n"
    }

    /// Writes lines, each at the current indentation.
    mutating func lines(_ lines: [String]) {
        for line in lines { self.line(line) }
    }

    /// Writes `body` one level deeper.
    mutating func indented(_ body: (inout SwiftCodeWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// Writes `opening {`, the body one level deeper, and `}`.
    mutating func block(_ opening: String, _ body: (inout SwiftCodeWriter) -> Void) {
        line(opening + " {")
        indented(body)
        line("}")
    }

    /// Writes a `///` comment: paragraphs separated by an empty comment line; each paragraph's lines as given.
    mutating func documentation(_ paragraphs: [[String]]) {
        let paragraphs = paragraphs.filter { !$0.isEmpty }
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { line("///") }
            for text in paragraph { line(text.isEmpty ? "///" : "/// " + text) }
        }
    }
}
