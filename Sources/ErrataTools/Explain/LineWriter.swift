/// A tiny writer for line-based text output.
struct LineWriter {
    private(set) var text = ""

    mutating func line(_ line: String = "") {
        text += line
        text += "\n"
    }

    /// `  label: value`, with labels aligned.
    mutating func field(_ label: String, _ value: String) {
        let indent = label.prefix { $0 == " " }
        let name = label.drop { $0 == " " }
        let label = name + ":"
        let padded = label + String(repeating: " ", count: max(1, 15 - label.count))
        line("  \(indent)\(padded)\(value)")
    }

    mutating func blankLineIfNeeded() {
        if !text.isEmpty && !text.hasSuffix("\n\n") { line() }
    }
}
