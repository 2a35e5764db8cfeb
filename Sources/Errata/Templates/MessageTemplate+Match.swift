extension MessageTemplate {
    /// Pulls the parameter values back out of a message rendered from this template.
    ///
    /// `Member '{memberRef}' not found.` matched against `Member 'abc' not found.` gives `["memberRef": "abc"]`.
    /// Literal text must match exactly, byte for byte; a value may be empty and may contain anything, including
    /// the template's own literal text.
    ///
    /// When a message can be split more than one way, the rule is: **earlier placeholders take the shortest text
    /// that still lets the rest of the message match.** So `{a}-{b}` against `x-y-z` gives `a = x`, `b = y-z`,
    /// and a template's last placeholder takes whatever is left. A placeholder that appears twice must match the
    /// same text both times.
    ///
    /// Matching works on UTF-8 bytes; because every literal starts on a character boundary, every value it
    /// returns is valid UTF-8. It takes at most O(k·n²) steps for k placeholders and n bytes, with no recursion,
    /// so callers that accept messages from the network should bound their length (the decoder does).
    ///
    /// - Returns: The values by parameter name, or `nil` if the message does not fit the template.
    public func match(_ message: String) -> [String: String]? {
        let bytes = Array(message.utf8)
        let pieces = segments.map { segment -> Piece in
            switch segment {
            case .literal(let text): .literal(Array(text.utf8))
            case .placeholder(let placeholder): .hole(placeholder.name)
            }
        }
        guard let spans = Self.match(pieces, in: bytes) else { return nil }
        var values: [String: String] = [:]
        for (index, span) in spans {
            guard case .hole(let name) = pieces[index] else { continue }
            let value = String(decoding: bytes[span], as: UTF8.self)
            if let previous = values[name], previous != value { return nil }
            values[name] = value
        }
        return values
    }

    private enum Piece {
        case literal([UInt8])
        case hole(String)
    }

    /// Finds the byte range each hole covers, by depth-first search over (piece, position) where each hole tries
    /// its shortest extension first. Failed states are remembered, so no state is explored twice. The recursion is
    /// as deep as the template has segments, which the catalog bounds, not the message.
    private static func match(_ pieces: [Piece], in bytes: [UInt8]) -> [(Int, Range<Int>)]? {
        var failed: Set<Int> = []
        var spans: [Int: Range<Int>] = [:]
        let stride = bytes.count + 1

        func literalMatches(_ literal: [UInt8], at start: Int) -> Bool {
            guard start + literal.count <= bytes.count else { return false }
            return bytes[start..<(start + literal.count)].elementsEqual(literal)
        }

        func solve(_ index: Int, _ position: Int) -> Bool {
            if index == pieces.count { return position == bytes.count }
            let key = index * stride + position
            if failed.contains(key) { return false }
            var matched = false
            switch pieces[index] {
            case .literal(let literal):
                matched = literalMatches(literal, at: position) && solve(index + 1, position + literal.count)
            case .hole:
                if index == pieces.count - 1 {
                    spans[index] = position..<bytes.count
                    matched = true
                } else {
                    var end = position
                    while end <= bytes.count {
                        if solve(index + 1, end) {
                            spans[index] = position..<end
                            matched = true
                            break
                        }
                        end += 1
                    }
                }
            }
            if !matched { failed.insert(key) }
            return matched
        }

        guard solve(0, 0) else { return nil }
        return spans.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
