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
    /// Matching works on UTF-8 bytes and splits only between Unicode scalars, so every value it returns is valid
    /// UTF-8. For a template whose placeholders are all different it takes O(k·n) steps for k segments and n
    /// bytes (plus the literal comparisons), however the message is built, and never backtracks. A template that
    /// repeats a placeholder has to search: the search is bounded to about 8·n + 2¹⁶ steps, and a message that
    /// would need more (one built to defeat it) is reported as not fitting, so no message makes matching slow.
    ///
    /// - Returns: The values by parameter name, or `nil` if the message does not fit the template.
    public func match(_ message: String) -> [String: String]? {
        guard !needsSearch else { return matchBySearch(Array(message.utf8)) }
        // The message's own bytes, not a copy.
        var message = message
        return message.withUTF8 { Self.matchDistinct(segments, $0) }
    }

    /// Whether matching needs ``matchBySearch(_:)``: a placeholder appears more than once. (Two literal segments in a
    /// row, which the parser never makes, would break ``matchDistinct(_:_:)``'s one literal per placeholder, so they
    /// go to the search too.)
    var needsSearch: Bool {
        // Templates have a few segments: pairs compared in place, without collecting the names.
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .literal:
                if index > 0, case .literal = segments[index - 1] { return true }
            case .placeholder(let placeholder):
                for case .placeholder(let earlier) in segments[..<index] where earlier.name == placeholder.name {
                    return true
                }
            }
        }
        return false
    }

    /// The general matcher: a reachability table, then a forward walk (a bounded search when placeholders repeat).
    func matchBySearch(_ bytes: [UInt8]) -> [String: String]? {
        var matcher = Matcher(segments: segments, bytes: bytes)
        return matcher.match()
    }

    /// The match of a template whose placeholders all differ, in one pass and without a table: a glob match.
    ///
    /// Hand-written because the decoder runs it on every message it reads, where building ``Matcher``'s table was a
    /// third of a decode. With distinct placeholders the shortest-first rule is the leftmost match of each literal
    /// after a placeholder, in the bytes that leave room for the final literal, which is anchored at the end: taking
    /// a later occurrence never lets more of the rest match. Values split only between scalars: a literal found in
    /// valid UTF-8 starts and ends on scalar boundaries, being valid UTF-8 itself. ``matchBySearch(_:)`` gives the
    /// same answer, which a test checks on random templates and messages.
    static func matchDistinct(_ segments: [Segment], _ bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var values: [String: String] = [:]
        var limit = bytes.count
        var body = segments[...]
        if segments.count > 1, case .literal(let text) = segments.last {
            // The final literal is anchored at the end of the message.
            let length = text.utf8.count
            guard length <= bytes.count, bytes[(bytes.count - length)...].elementsEqual(text.utf8) else { return nil }
            limit = bytes.count - length
            body = segments.dropLast()
        }
        var position = 0
        // A placeholder whose value ends where the next literal is found.
        var open: String?
        for segment in body {
            switch segment {
            case .literal(let text):
                let literal = text.utf8
                let length = literal.count
                if let name = open {
                    guard let first = literal.first else { continue }
                    var start = position
                    var found: Int?
                    while start + length <= limit {
                        if bytes[start] == first && bytes[start..<(start + length)].elementsEqual(literal) {
                            found = start
                            break
                        }
                        start += 1
                    }
                    guard let found else { return nil }
                    values[name] = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[position..<found]),
                        as: UTF8.self
                    )
                    position = found + length
                    open = nil
                } else {
                    guard position + length <= limit, bytes[position..<(position + length)].elementsEqual(literal)
                    else {
                        return nil
                    }
                    position += length
                }
            case .placeholder(let placeholder):
                // Two placeholders in a row: the earlier takes the shortest text, none.
                if let name = open { values[name] = "" }
                open = placeholder.name
            }
        }
        if let name = open {
            values[name] = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<limit]), as: UTF8.self)
        } else if position != limit {
            return nil
        }
        return values
    }
}

extension MessageTemplate {
    /// One match of a template against a message.
    ///
    /// First, from the last segment back, it works out for every segment and byte position whether the rest of the
    /// template could match the rest of the message if repeated placeholders did not have to agree (`reachable`).
    /// That is exact for templates without repeats, so the walk forward, where each placeholder takes the shortest
    /// reachable end, never backtracks. With repeats it is a necessary condition that prunes a depth-first search,
    /// which also remembers failed states so none is explored twice, and gives up when its step budget runs out
    /// (matching with back-references is NP-hard in general, so no bound on the work holds without one).
    private struct Matcher {
        private enum Piece {
            case literal([UInt8])
            /// A placeholder, by the index of its name in `names`.
            case hole(Int)
        }

        /// A search state: a piece, a position, and the values of the names bound before the piece that occur again
        /// at or after it (the first inline, as usually there is only one).
        private struct State: Hashable {
            var index: Int
            var position: Int
            var first: Range<Int>
            var others: [Range<Int>]

            init(index: Int, position: Int, live: [Int], _ bindings: [Range<Int>?]) {
                self.index = index
                self.position = position
                self.first = live.first.map { bindings[$0]! } ?? 0..<0
                self.others = live.dropFirst().map { bindings[$0]! }
            }
        }

        private let pieces: [Piece]
        private let names: [String]
        private let bytes: [UInt8]
        private let hasRepeats: Bool
        /// For each piece, the names bound before it that occur again at or after it.
        private let liveNames: [[Int]]
        /// `reachable[i][p]`: pieces `i...` can match bytes `p...`, ignoring that repeats must agree.
        private var reachable: [[Bool]] = []
        /// The bytes each name's first occurrence covers.
        private var bindings: [Range<Int>?]
        private var failed: Set<State> = []
        /// The steps a search over repeated placeholders may still take.
        private var budget: Int

        init(segments: [MessageTemplate.Segment], bytes: [UInt8]) {
            var names: [String] = []
            var indexByName: [String: Int] = [:]
            var pieces: [Piece] = []
            var hasRepeats = false
            for segment in segments {
                switch segment {
                case .literal(let text):
                    pieces.append(.literal(Array(text.utf8)))
                case .placeholder(let placeholder):
                    if let index = indexByName[placeholder.name] {
                        hasRepeats = true
                        pieces.append(.hole(index))
                    } else {
                        indexByName[placeholder.name] = names.count
                        pieces.append(.hole(names.count))
                        names.append(placeholder.name)
                    }
                }
            }
            var firstUse: [Int: Int] = [:]
            var lastUse: [Int: Int] = [:]
            for (index, piece) in pieces.enumerated() {
                guard case .hole(let name) = piece else { continue }
                if firstUse[name] == nil { firstUse[name] = index }
                lastUse[name] = index
            }
            self.liveNames = pieces.indices.map { index in
                names.indices.filter { firstUse[$0]! < index && lastUse[$0]! >= index }
            }
            self.pieces = pieces
            self.names = names
            self.bytes = bytes
            self.hasRepeats = hasRepeats
            self.bindings = Array(repeating: nil, count: names.count)
            self.budget = (1 << 16) + 8 * (bytes.count + 1)
        }

        mutating func match() -> [String: String]? {
            computeReachable()
            guard solve(0, 0) else { return nil }
            var values: [String: String] = [:]
            for (index, name) in names.enumerated() {
                values[name] = String(decoding: bytes[bindings[index]!], as: UTF8.self)
            }
            return values
        }

        /// Whether a value may start or end at `position`: not inside a scalar's UTF-8 encoding.
        private func isBoundary(_ position: Int) -> Bool {
            position == bytes.count || bytes[position] & 0xC0 != 0x80
        }

        private func bytesEqual(_ literal: [UInt8], at start: Int) -> Bool {
            guard start + literal.count <= bytes.count else { return false }
            var offset = 0
            while offset < literal.count {
                if bytes[start + offset] != literal[offset] { return false }
                offset += 1
            }
            return true
        }

        private mutating func computeReachable() {
            let count = bytes.count
            var next = [Bool](repeating: false, count: count + 1)
            next[count] = true
            var table = [[Bool]](repeating: [], count: pieces.count + 1)
            table[pieces.count] = next
            for index in pieces.indices.reversed() {
                var current = [Bool](repeating: false, count: count + 1)
                switch pieces[index] {
                case .literal(let literal):
                    if literal.count <= count {
                        for position in 0...(count - literal.count)
                        where next[position + literal.count] && bytesEqual(literal, at: position) {
                            current[position] = true
                        }
                    }
                case .hole:
                    // A hole can start at p when some boundary at or after p can start the rest.
                    var canEnd = false
                    for position in stride(from: count, through: 0, by: -1) where isBoundary(position) {
                        if next[position] { canEnd = true }
                        current[position] = canEnd
                    }
                }
                table[index] = current
                next = current
            }
            reachable = table
        }

        /// The bytes the pieces after `index` must take when none of them is an unbound hole, else `nil`.
        private func fixedLength(after index: Int) -> Int? {
            var length = 0
            for piece in pieces[(index + 1)...] {
                switch piece {
                case .literal(let literal): length += literal.count
                case .hole(let name):
                    guard let range = bindings[name] else { return nil }
                    length += range.count
                }
            }
            return length
        }

        /// Whether the search may take `steps` more steps; without repeats there is no search, so no limit.
        private mutating func spend(_ steps: Int) -> Bool {
            guard hasRepeats else { return true }
            budget -= steps
            return budget >= 0
        }

        /// Whether pieces `index...` match bytes `position...`, binding each name at its first occurrence.
        ///
        /// On failure, every name first bound at or after `index` is unbound again.
        private mutating func solve(_ index: Int, _ position: Int) -> Bool {
            if index == pieces.count { return position == bytes.count }
            guard reachable[index][position], spend(1) else { return false }
            switch pieces[index] {
            case .literal(let literal):
                // `reachable` has compared the literal already.
                return solve(index + 1, position + literal.count)
            case .hole(let name):
                if let range = bindings[name] {
                    // A repeat: the same bytes as the first occurrence.
                    let end = position + range.count
                    return end <= bytes.count && reachable[index + 1][end] && spend(range.count / 16)
                        && bytes[position..<end].elementsEqual(bytes[range]) && solve(index + 1, end)
                }
                if let tail = fixedLength(after: index) {
                    // Everything after this hole has a known length, so its end is forced.
                    let end = bytes.count - tail
                    guard end >= position && isBoundary(end) && reachable[index + 1][end] else { return false }
                    bindings[name] = position..<end
                    if solve(index + 1, end) { return true }
                    bindings[name] = nil
                    return false
                }
                // Try each end, shortest first. Only here does the search branch, so only here are failures kept.
                let state = hasRepeats ? State(index: index, position: position, live: liveNames[index], bindings) : nil
                if let state, failed.contains(state) { return false }
                var end = position
                while end <= bytes.count && spend(1) {
                    if isBoundary(end) && reachable[index + 1][end] {
                        bindings[name] = position..<end
                        if solve(index + 1, end) { return true }
                    }
                    end += 1
                }
                bindings[name] = nil
                if let state { failed.insert(state) }
                return false
            }
        }
    }
}
