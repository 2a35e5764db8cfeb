/// A Swift expression as the lines it is written on; nested lines carry their own relative indentation.
///
/// Calls and arrays stay on one line while they are short and flat, and otherwise put each argument or element on
/// a line of its own, so that generated code reads like hand-written code and diffs line by line.
struct SwiftExpression {
    /// The lines; the first starts the expression.
    var lines: [String]

    /// The longest call or array written on one line.
    static let lineLimit = 100

    init(_ text: String) {
        self.lines = [text]
    }

    init(lines: [String]) {
        self.lines = lines
    }

    /// A string literal.
    static func string(_ text: String) -> SwiftExpression {
        SwiftExpression(SwiftSpelling.stringLiteral(text))
    }

    /// `callee(label: value, …)`; arguments whose value is `nil` are left out.
    static func call(_ callee: String, _ arguments: [(label: String?, value: SwiftExpression?)]) -> SwiftExpression {
        let present = arguments.compactMap { argument in argument.value.map { (argument.label, $0) } }
        let items = present.map { label, value in
            var lines = value.lines
            if let label { lines[0] = "\(label): " + lines[0] }
            return lines
        }
        // A lone unlabelled array or call hugs the parentheses: `.object([` … `])`.
        if items.count == 1, present[0].0 == nil, items[0].count > 1 {
            var lines = items[0]
            lines[0] = callee + "(" + lines[0]
            lines[lines.count - 1] += ")"
            return SwiftExpression(lines: lines)
        }
        return list(open: callee + "(", close: ")", items: items, trailingComma: false)
    }

    /// `[element, …]`.
    static func array(_ elements: [SwiftExpression]) -> SwiftExpression {
        list(open: "[", close: "]", items: elements.map(\.lines), trailingComma: true)
    }

    private static func list(open: String, close: String, items: [[String]], trailingComma: Bool) -> SwiftExpression {
        if items.allSatisfy({ $0.count == 1 }) {
            let single = open + items.map { $0[0] }.joined(separator: ", ") + close
            if single.count <= lineLimit { return SwiftExpression(single) }
        }
        var lines = [open]
        for (index, item) in items.enumerated() {
            var item = item
            if trailingComma || index < items.count - 1 { item[item.count - 1] += "," }
            lines += item.map { "    " + $0 }
        }
        lines.append(close)
        return SwiftExpression(lines: lines)
    }

    /// `prefix` written before the first line.
    func prefixed(_ prefix: String) -> SwiftExpression {
        var lines = self.lines
        lines[0] = prefix + lines[0]
        return SwiftExpression(lines: lines)
    }
}
