import Testing

@testable import Errata

@Suite struct MessageTemplateTests {
    typealias Segment = MessageTemplate.Segment

    static func hole(_ name: String, optional: Bool = false) -> Segment {
        .placeholder(MessageTemplate.Placeholder(name: name, isOptional: optional))
    }

    // MARK: Parsing

    /// Templates and the segments they parse into.
    static let wellFormed: [(source: String, segments: [Segment])] = [
        ("", []),
        ("Internal server error.", [.literal("Internal server error.")]),
        ("Member '{memberRef}' not found.", [.literal("Member '"), hole("memberRef"), .literal("' not found.")]),
        ("{memberRef}", [hole("memberRef")]),
        ("{a}{b}", [hole("a"), hole("b")]),
        ("{a}-{a}", [hole("a"), .literal("-"), hole("a")]),
        ("{{", [.literal("{")]),
        ("}}", [.literal("}")]),
        ("{{literal}}", [.literal("{literal}")]),
        ("use {{{name}}} here", [.literal("use {"), hole("name"), .literal("} here")]),
        ("{{}}{x}{{", [.literal("{}"), hole("x"), .literal("{")]),
        (
            "{_private} {snake_case2} {A1}",
            [hole("_private"), .literal(" "), hole("snake_case2"), .literal(" "), hole("A1")]
        ),
        ("{params.memberRef}", [hole("params.memberRef")]),
        ("Grüße, {name} 😀!", [.literal("Grüße, "), hole("name"), .literal(" 😀!")]),
        ("line one\nline {two}", [.literal("line one\nline "), hole("two")]),
    ]

    @Test(arguments: wellFormed)
    func parsesLiteralsEscapesAndPlaceholders(source: String, segments: [Segment]) throws {
        let template = try MessageTemplate(source)
        #expect(template.segments == segments)
        #expect(template.source == source)
        #expect(template.description == source)
        #expect(template.isConstant == !segments.contains { if case .placeholder = $0 { true } else { false } })
    }

    /// Malformed templates, the character offset each error names, and a word its reason must contain.
    static let malformed: [(source: String, offset: Int, reason: String)] = [
        ("}", 0, "unmatched '}'"),
        ("abc}", 3, "unmatched '}'"),
        ("{a}}", 3, "unmatched '}'"),
        ("{{}", 2, "unmatched '}'"),
        ("😀é}", 2, "unmatched '}'"),
        ("{", 0, "unclosed '{'"),
        ("ab{cd", 2, "unclosed '{'"),
        ("{{{", 2, "unclosed '{'"),
        ("{a} {", 4, "unclosed '{'"),
        ("x{}", 1, "empty placeholder"),
        ("{a b}", 0, "invalid parameter name 'a b'"),
        ("ok {1st}", 3, "invalid parameter name '1st'"),
        ("{a-b}", 0, "invalid parameter name 'a-b'"),
        ("{naïve}", 0, "invalid parameter name 'naïve'"),
        ("{a.}", 0, "invalid parameter name 'a.'"),
        ("{.a}", 0, "invalid parameter name '.a'"),
        ("Grüße {x} {y?}", 10, "optional placeholder '{y?}'"),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedTemplatesAtTheOffendingOffset(source: String, offset: Int, reason: String) {
        #expect {
            try MessageTemplate(source)
        } throws: { error in
            guard let error = error as? MessageTemplate.ParseError else { return false }
            return error.offset == offset && error.reason.contains(reason) && error.description == error.reason
        }
    }

    @Test func acceptsOptionalPlaceholdersOnlyWhenAllowed() throws {
        let template = try MessageTemplate("{errors?} {code}", allowingOptionalPlaceholders: true)
        #expect(template.segments == [Self.hole("errors", optional: true), .literal(" "), Self.hole("code")])
        #expect(template.parameterNames == ["errors", "code"])
        #expect(throws: MessageTemplate.ParseError.self) { try MessageTemplate("{errors?}") }
        #expect(throws: MessageTemplate.ParseError.self) {
            try MessageTemplate("{?}", allowingOptionalPlaceholders: true)
        }
    }

    // MARK: Parameter names

    static let parameterNameCases: [(source: String, names: [String])] = [
        ("No parameters.", []),
        ("{{notAParameter}}", []),
        ("{b} then {a}", ["b", "a"]),
        ("{a}{b}{a}{c}{b}", ["a", "b", "c"]),
        ("Member '{memberRef}' is {memberRef}", ["memberRef"]),
    ]

    @Test(arguments: parameterNameCases)
    func parameterNamesAreInOrderOfFirstUseEachOnce(source: String, names: [String]) throws {
        #expect(try MessageTemplate(source).parameterNames == names)
    }

    // MARK: Rendering

    @Test func rendersValuesInPlace() throws {
        let template = try MessageTemplate("Member '{memberRef}' not found.")
        #expect(try template.render(["memberRef": "abc"]) == "Member 'abc' not found.")
        #expect(try template.render(["memberRef": ""]) == "Member '' not found.")
        #expect(try template.render(["memberRef": "abc", "unused": "x"]) == "Member 'abc' not found.")
    }

    @Test func rendersEscapedBracesAsSingleBraces() throws {
        let template = try MessageTemplate("{{\"id\": {id}}}")
        #expect(try template.render(["id": "42"]) == "{\"id\": 42}")
    }

    @Test func rendersRepeatedPlaceholdersWithTheSameValue() throws {
        let template = try MessageTemplate("{a} is {a}")
        #expect(try template.render(["a": "x"]) == "x is x")
    }

    /// A value is inserted as it is: a value that looks like a placeholder or an escape is not expanded again.
    @Test(arguments: ["{x}", "{memberRef}", "{{", "}}", "{", "}", "{{x}}", "\\{x\\}"])
    func neverExpandsValuesAgain(value: String) throws {
        let template = try MessageTemplate("Member '{memberRef}' not found ({x}).")
        let rendered = try template.render(["memberRef": value, "x": "X"])
        #expect(rendered == "Member '\(value)' not found (X).")
    }

    @Test func renderingWithAMissingValueThrowsNamingIt() throws {
        let template = try MessageTemplate("{present} and {missing}")
        #expect {
            try template.render(["present": "here"])
        } throws: { error in
            guard let error = error as? MessageTemplate.RenderError else { return false }
            return error.missingParameter == "missing" && error.template == "{present} and {missing}"
                && error.description.contains("'missing'")
        }
    }

    @Test func renderingThrowsForTheFirstMissingValueInOrder() throws {
        let template = try MessageTemplate("{b} {a}")
        var asked: [String] = []
        #expect {
            try template.render { name in
                asked.append(name)
                return nil
            }
        } throws: { error in
            (error as? MessageTemplate.RenderError)?.missingParameter == "b"
        }
        #expect(asked == ["b"])
    }

    @Test func rendersAConstantTemplateWithoutValues() throws {
        #expect(try MessageTemplate("Internal server error.").render([:]) == "Internal server error.")
    }

    // MARK: Matching

    @Test func matchesTheDocumentedExample() throws {
        let template = try MessageTemplate("Member '{memberRef}' not found.")
        #expect(template.match("Member 'abc' not found.") == ["memberRef": "abc"])
    }

    /// Messages that fit `Member '{memberRef}' not found.`, and the value each gives.
    static let memberValues: [(message: String, value: String)] = [
        ("Member '' not found.", ""),
        ("Member ''' not found.", "'"),
        ("Member 'a' not found.' not found.", "a' not found."),
        ("Member 'Member 'x' not found.' not found.", "Member 'x' not found."),
        ("Member ' not found.' not found.", " not found."),
        ("Member '😀👩‍👩‍👧' not found.", "😀👩‍👩‍👧"),
        ("Member 'Grüße, 世界' not found.", "Grüße, 世界"),
        ("Member 'line\nbreak' not found.", "line\nbreak"),
        ("Member '{memberRef}' not found.", "{memberRef}"),
        ("Member '\u{301}' not found.", "\u{301}"),
    ]

    @Test(arguments: memberValues)
    func matchesValuesContainingAnything(message: String, value: String) throws {
        let template = try MessageTemplate("Member '{memberRef}' not found.")
        #expect(template.match(message) == ["memberRef": value])
    }

    static let nonMatching: [(template: String, message: String)] = [
        ("Member '{memberRef}' not found.", "Member 'abc' not found"),
        ("Member '{memberRef}' not found.", "member 'abc' not found."),
        ("Member '{memberRef}' not found.", "Member 'abc not found."),
        ("Member '{memberRef}' not found.", ""),
        ("Member '{memberRef}' not found.", "Member '"),
        ("Internal server error.", "Internal server error"),
        ("Internal server error.", "Internal server error. "),
        ("{a}-{b}", "no dash here"),
        ("{a}: {b}.", "x: y"),
        ("{a}-{a}", "x-y"),
        ("{a} is {a}", "x is x is y"),
        ("Café {a}", "Cafe\u{301} x"),
    ]

    @Test(arguments: nonMatching)
    func returnsNilWhenTheMessageDoesNotFit(template: String, message: String) throws {
        #expect(try MessageTemplate(template).match(message) == nil)
    }

    @Test func constantTemplatesMatchOnlyThemselves() throws {
        let template = try MessageTemplate("Internal server error.")
        #expect(template.match("Internal server error.") == [:])
        #expect(try MessageTemplate("").match("") == [:])
        #expect(try MessageTemplate("").match("x") == nil)
    }

    /// The ambiguity rule: earlier placeholders take the shortest text that still lets the rest match, and the
    /// last placeholder takes whatever is left.
    static let ambiguous: [(template: String, message: String, values: [String: String])] = [
        ("{a}-{b}", "x-y-z", ["a": "x", "b": "y-z"]),
        ("{a}-{b}", "-", ["a": "", "b": ""]),
        ("{a}-{b}", "--", ["a": "", "b": "-"]),
        ("{a}-{b}.", "x-y-z.", ["a": "x", "b": "y-z"]),
        ("{a}-{b}.", "x-y.-z.", ["a": "x", "b": "y.-z"]),
        ("{a}-{b}-{c}", "1-2-3-4-5", ["a": "1", "b": "2", "c": "3-4-5"]),
        ("{a}-{b}!", "x-y!-z!", ["a": "x", "b": "y!-z"]),
        // `a = p` leaves `q-xr`, which does not start with `x`: the shortest `a` that lets the rest match is `p-q`.
        ("{a}-x{b}", "p-q-xr", ["a": "p-q", "b": "r"]),
        ("{a}--{b}", "x---y", ["a": "x", "b": "-y"]),
        ("{a}ab{b}", "aab", ["a": "a", "b": ""]),
        ("{a}é{b}", "éé", ["a": "", "b": "é"]),
        ("({a}) ({b})", "(x) (y) (z)", ["a": "x", "b": "y) (z"]),
    ]

    @Test(arguments: ambiguous)
    func earlierPlaceholdersTakeTheShortestTextThatLetsTheRestMatch(
        template: String,
        message: String,
        values: [String: String]
    ) throws {
        #expect(try MessageTemplate(template).match(message) == values)
    }

    /// Adjacent placeholders have no literal between them, so the first takes the shortest text: nothing.
    @Test func adjacentPlaceholdersGiveTheFirstNothing() throws {
        #expect(try MessageTemplate("{a}{b}").match("xyz") == ["a": "", "b": "xyz"])
        #expect(try MessageTemplate("{a}{b}.").match("xyz.") == ["a": "", "b": "xyz"])
        #expect(try MessageTemplate("<{a}{b}{c}>").match("<😀>") == ["a": "", "b": "", "c": "😀"])
    }

    static let repeated: [(template: String, message: String, values: [String: String]?)] = [
        ("{a}-{a}", "x-x", ["a": "x"]),
        ("{a}-{a}", "-", ["a": ""]),
        ("{a}-{a}", "x-y-x-y", ["a": "x-y"]),
        ("{a}{a}", "abab", ["a": "ab"]),
        ("{a}{a}", "😀😀", ["a": "😀"]),
        ("{a}{a}", "aba", nil),
        ("{a} is {a}", "x is x is x is x", ["a": "x is x"]),
        ("'{a}' and '{b}' and '{a}'", "'1' and '2' and '1'", ["a": "1", "b": "2"]),
        ("'{a}' and '{b}' and '{a}'", "'1' and '2' and '3'", nil),
        // `a = 1` would need the message to end in `'1'`; the shortest `a` that fits is `1' and '2`.
        ("'{a}' and '{b}' and '{a}'", "'1' and '2' and '3' and '1' and '2'", ["a": "1' and '2", "b": "3"]),
    ]

    @Test(arguments: repeated)
    func repeatedPlaceholdersMatchTheSameText(template: String, message: String, values: [String: String]?) throws {
        #expect(try MessageTemplate(template).match(message) == values)
    }

    @Test func matchingIsExactByteForByteNotByCanonicalEquivalence() throws {
        // "é" precomposed in the template, decomposed in the message: equal as Swift strings, different bytes.
        let template = try MessageTemplate("Café: {a}")
        #expect("Café: x" == "Cafe\u{301}: x")
        #expect(template.match("Cafe\u{301}: x") == nil)
        #expect(template.match("Café: x") == ["a": "x"])
    }

    /// Adjacent and repeated placeholders could split a multi-byte scalar if matching cut between any two bytes;
    /// a cut value would decode with U+FFFD and no longer render back to the message.
    @Test(arguments: [("{a}{a}", "éé"), ("{a}{b}{a}", "😀x😀"), ("{a}{b}", "€"), ("{a}{a}{b}", "😀😀😀")])
    func matchedValuesAreWholeScalars(template source: String, message: String) throws {
        let template = try MessageTemplate(source)
        let values = try #require(template.match(message))
        #expect(!values.values.contains { $0.unicodeScalars.contains("\u{FFFD}") })
        #expect(try template.render(values) == message)
    }

    // MARK: Round trip

    /// Pieces random values are made of: quotes, backslashes, braces, newlines, emoji, combining marks,
    /// templates' literal text, and near-copies of it.
    static let alphabet = [
        "a", "Z", "0", " ", "'", "\"", "\\", "{", "}", "{{", "}}", "{x}", "{a}", "\n", "\r\n", "\t", "\0", "😀",
        "👩‍👩‍👧", "🇫🇷", "é", "e\u{301}", "\u{301}", "世界", "-", " - ", ".", "'.", " not found.", "Member '",
        "Member 'abc' not found.", "' and '", "' and", " is ", "is", "<", ">", "<>", "|",
    ]

    static func randomValue(using generator: inout SplitMix64) -> String {
        let count = Int.random(in: 0...6, using: &generator)
        return (0..<count).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    /// Whether `value` followed by `separator` first contains `separator` where the value ends, so that the
    /// shortest-first rule splits `value + separator + …` after `value`.
    static func separatorFirstFollows(_ value: String, _ separator: String) -> Bool {
        let haystack = Array((value + separator).utf8)
        let needle = Array(separator.utf8)
        let first = (0...(haystack.count - needle.count)).first { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
        return first == value.utf8.count
    }

    /// Templates where render-then-match gives back the values: a single placeholder, the same placeholder
    /// repeated (every occurrence has one length, so the split is forced), and placeholders separated by
    /// literals, with values the generator keeps from swallowing the separator that follows them.
    static let roundTripTemplates: [(template: String, separators: [String])] = [
        ("{value}", []),
        ("Member '{memberRef}' not found.", []),
        ("{{\"{name}\"}}", []),
        ("{a} is {a}", []),
        ("{a}{a}", []),
        ("<{a}>{a}<{a}>", []),
        ("Member '{a}' and '{b}'.", ["' and '"]),
        ("{a} - {b} - {c}", [" - ", " - "]),
        ("{a}|{b}|{c}|{d}", ["|", "|", "|"]),
        ("{a}|{b}|{a}", ["|", "|"]),
    ]

    @Test(arguments: roundTripTemplates)
    func matchingARenderedMessageGivesBackItsValues(template source: String, separators: [String]) throws {
        let template = try MessageTemplate(source)
        let names = template.parameterNames
        var generator = SplitMix64(state: 0x5EED_E77A)
        var checked = 0
        while checked < 2_000 {
            var values: [String: String] = [:]
            for name in names { values[name] = Self.randomValue(using: &generator) }
            // Order placeholders as they appear; a value that a separator follows must not swallow it.
            let occurrences = template.segments.compactMap { segment -> String? in
                if case .placeholder(let placeholder) = segment { placeholder.name } else { nil }
            }
            let isSplitForced = zip(occurrences, separators).allSatisfy { name, separator in
                Self.separatorFirstFollows(values[name]!, separator)
            }
            guard isSplitForced else { continue }
            let message = try template.render(values)
            #expect(template.match(message) == values, "message: \(String(reflecting: message))")
            checked += 1
        }
    }

    /// The documented rule, run by brute force: try every end for each placeholder in order, shortest first,
    /// splitting only between scalars; the first assignment under which the whole message fits is the answer.
    static func referenceMatch(_ template: MessageTemplate, _ message: String) -> [String: String]? {
        let scalars = Array(message.unicodeScalars)
        func text(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[range])
            return String(result)
        }
        func solve(_ index: Int, _ position: Int, _ values: [String: String]) -> [String: String]? {
            guard index < template.segments.count else { return position == scalars.count ? values : nil }
            switch template.segments[index] {
            case .literal(let literal):
                let literalScalars = Array(literal.unicodeScalars)
                let end = position + literalScalars.count
                guard end <= scalars.count, Array(scalars[position..<end]) == literalScalars else { return nil }
                return solve(index + 1, end, values)
            case .placeholder(let placeholder):
                for end in position...scalars.count {
                    let value = text(position..<end)
                    if let bound = values[placeholder.name], !bound.unicodeScalars.elementsEqual(value.unicodeScalars) {
                        continue
                    }
                    var next = values
                    next[placeholder.name] = value
                    if let result = solve(index + 1, end, next) { return result }
                }
                return nil
            }
        }
        return solve(0, 0, [:])
    }

    static let oracleTemplates = [
        "{a}", "{a}-{b}", "{a}{b}", "{a}-{b}-", "-{a}-{b}-{c}", "{a}--{b}", "{a}-{a}", "{a}{a}", "{a}{b}{a}",
        "{a}-{b}-{a}", "{a}é{b}{a}", "({a}){b}({a})", "{a}{b}{c}{a}{b}", "a{a}a{b}a",
    ]

    /// Every match agrees with the brute-force reading of the rule, on short messages over a small alphabet where
    /// many splits compete.
    @Test(arguments: oracleTemplates)
    func matchingFollowsTheDocumentedRuleExactly(template source: String) throws {
        let template = try MessageTemplate(source)
        let alphabet = ["a", "-", "-", "é", "(", ")", "😀"]
        var generator = SplitMix64(state: 0xC0FF_EE00 &+ UInt64(source.utf8.count))
        var matched = 0
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...9, using: &generator)
            let message = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let expected = Self.referenceMatch(template, message)
            #expect(template.match(message) == expected, "message: \(String(reflecting: message))")
            if expected != nil { matched += 1 }
        }
        // Rendered messages, so that templates with long literals are exercised on messages that fit.
        for _ in 0..<500 {
            var values: [String: String] = [:]
            for name in template.parameterNames {
                let count = Int.random(in: 0...3, using: &generator)
                values[name] = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            }
            let message = try template.render(values)
            let expected = try #require(Self.referenceMatch(template, message))
            #expect(template.match(message) == expected, "message: \(String(reflecting: message))")
            matched += 1
        }
        #expect(matched >= 500)
    }

    // MARK: Performance safety

    /// Messages built to make a backtracking matcher try every split: many candidate separators and a tail
    /// that fails at the last byte. 64 KiB each.
    static let hostileMessages: [(name: String, message: String)] = {
        let size = 64 * 1024
        return [
            ("separators without the final dot", String(repeating: ", ", count: size / 2)),
            ("separators, final byte wrong", String(repeating: ", ", count: size / 2 - 1) + "x!"),
            ("one long value", String(repeating: "a", count: size)),
            ("emoji and separators", String(repeating: "😀, ", count: size / 6)),
            ("matching, with many separators", String(repeating: ", ", count: size / 2 - 1) + "."),
        ]
    }()

    @Test(.timeLimit(.minutes(1)), arguments: hostileMessages)
    func matchingAHostileMessageFinishesQuickly(name: String, message: String) throws {
        #expect(message.utf8.count >= 64 * 1024 - 8)
        let template = try MessageTemplate("{a}, {b}, {c}, {d}.")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let values = template.match(message)
            if message.hasSuffix(", .") {
                #expect(values?["a"] == "")
                #expect(values?["d"]?.utf8.count == message.utf8.count - 7)
            } else if !message.hasSuffix(".") {
                #expect(values == nil)
            }
        }
        // Linear work on 64 KiB takes milliseconds; quadratic work takes minutes. Allow a wide margin for slow CI.
        #expect(elapsed < .seconds(20))
    }

    @Test(.timeLimit(.minutes(1)))
    func matchingAHostileMessageAgainstRepeatedPlaceholdersFinishesQuickly() throws {
        let message = String(repeating: "x (", count: 64 * 1024 / 3)
        let template = try MessageTemplate("{a}: {b} ({a})")
        #expect(template.match(message) == nil)
        let fits =
            String(repeating: " (", count: 1024) + ": " + String(repeating: " (", count: 30_000) + " ("
            + String(repeating: " (", count: 1024) + ")"
        #expect(
            template.match(fits) == [
                "a": String(repeating: " (", count: 1024), "b": String(repeating: " (", count: 30_000),
            ]
        )
        let nearMiss = "a: " + String(repeating: " (", count: 32 * 1024) + "b)"
        #expect(template.match(nearMiss) == nil)
    }

    /// A repeated placeholder makes matching a search (back-references); the search is bounded, so a message
    /// built to defeat it is rejected quickly instead of taking cubic time. 64 KiB each.
    static let searchDefeatingMessages: [(template: String, message: String)] = [
        ("{a}-{b}-{a}-{c}", "x-" + String(repeating: "-", count: 64 * 1024) + "y."),
        ("{a}-{b}-{a}-{c}", String(repeating: "ab", count: 32 * 1024) + "c"),
        ("{a} {b} {a} {b}", String(repeating: "a ", count: 32 * 1024) + "b"),
        ("{a}{b}{a}{c}{a}", String(repeating: "-", count: 64 * 1024) + "x"),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: searchDefeatingMessages)
    func matchingRepeatedPlaceholdersIsBounded(template source: String, message: String) throws {
        let template = try MessageTemplate(source)
        let clock = ContinuousClock()
        var values: [String: String]?
        let elapsed = clock.measure { values = template.match(message) }
        #expect(elapsed < .seconds(20))
        // Whatever the search concludes, a result it gives is a true reading of the message.
        if let values { #expect(try template.render(values) == message) }
    }

    @Test func longMessagesWithRepeatedPlaceholdersStillMatch() throws {
        let template = try MessageTemplate("{a}-{b}-{a}-{c}")
        let a = String(repeating: "x", count: 20_000)
        let b = String(repeating: "y", count: 20_000)
        let c = String(repeating: "-", count: 20_000)
        let message = try template.render(["a": a, "b": b, "c": c])
        #expect(template.match(message) == ["a": a, "b": b, "c": c])
    }
}

/// `MessageTemplate.match` takes a one-pass glob match for templates whose placeholders all differ; the general
/// matcher is the reference it must agree with on every template and message.
@Suite struct MessageTemplateFastMatchTests {

    /// Literal text from a tiny alphabet, so literals recur inside values and messages often almost fit.
    static func text(_ generator: inout SplitMix64, maximumLength: Int) -> String {
        let alphabet: [Character] = ["a", "b", "-", "'", "é", "😀", " "]
        let length = Int.random(in: 0...maximumLength, using: &generator)
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test func agreesWithTheGeneralMatcherOnRandomTemplatesAndMessages() throws {
        var generator = SplitMix64(state: 0xE77A7A)
        var matched = 0
        for _ in 0..<4_000 {
            // Up to three distinct placeholders between literals (some empty, so placeholders may touch).
            let count = Int.random(in: 0...3, using: &generator)
            var source = ""
            var values: [String] = []
            var message = ""
            for index in 0...count {
                let literal = Self.text(&generator, maximumLength: 3)
                source += literal
                message += literal
                guard index < count else { break }
                source += "{p\(index)}"
                let value = Self.text(&generator, maximumLength: 4)
                values.append(value)
                message += value
            }
            let template = try MessageTemplate(source)
            #expect(!template.needsSearch)
            // The rendered message, and a random one (which usually does not fit).
            for candidate in [message, Self.text(&generator, maximumLength: 8)] {
                let fast = template.match(candidate)
                let reference = template.matchBySearch(Array(candidate.utf8))
                #expect(fast == reference, "template \(source.debugDescription), message \(candidate.debugDescription)")
                if fast != nil { matched += 1 }
            }
            // A rendered message always fits, though not always with the values it was made from (ambiguity).
            #expect(
                template.match(message) != nil,
                "template \(source.debugDescription), message \(message.debugDescription)"
            )
        }
        #expect(matched >= 4_000)
    }

    @Test func repeatedPlaceholdersStillSearch() throws {
        let template = try MessageTemplate("{a} is {a}")
        #expect(template.needsSearch)
        #expect(template.match("x is x") == ["a": "x"])
        #expect(template.match("x is y") == nil)
    }
}
