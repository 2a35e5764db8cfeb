import ErrataCatalogs
import ErrataTools
import Foundation
import Testing

/// Inputs built to crash or hang a YAML loader. Each must come back quickly, with no catalog and an error that
/// names the problem and where it is.
@Suite struct HostileInputTests {
    static let path = "hostile.errata.yaml"

    /// How long one load may take. Real catalogs load in milliseconds; this is generous for a debug build on a
    /// busy machine, and far below what a hang (or a quadratic walk) takes.
    static let budget = Duration.seconds(5)

    /// Loads `bytes`, and records an issue if it took longer than ``budget``.
    static func load(_ bytes: [UInt8], path: String = path) -> CatalogLoadResult {
        let clock = ContinuousClock()
        var result: CatalogLoadResult?
        let elapsed = clock.measure { result = CatalogLoader().load(bytes: bytes, path: path) }
        #expect(elapsed < budget, "loading \(bytes.count) bytes took \(elapsed)")
        return result!
    }

    static func load(_ text: String) -> CatalogLoadResult {
        load(Array(text.utf8))
    }

    /// Expects the file rejected with exactly one error, at `line:column`, whose message contains `text`.
    static func expectRejected(
        _ result: CatalogLoadResult,
        saying text: String,
        at line: Int,
        _ column: Int,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(result.catalog == nil, sourceLocation: sourceLocation)
        #expect(result.diagnostics.count == 1, sourceLocation: sourceLocation)
        guard let diagnostic = result.diagnostics.first else { return }
        #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(text), "\(diagnostic)", sourceLocation: sourceLocation)
        #expect(
            diagnostic.location == ErrataTools.SourceLocation(file: path, line: line, column: column),
            "\(diagnostic)",
            sourceLocation: sourceLocation
        )
    }

    /// The shared ``SplitMix64``.
    typealias SeededGenerator = SplitMix64

    // MARK: Damaged files

    @Test(.timeLimit(.minutes(1)), arguments: BundledCatalogs.ids)
    func truncatedBundledCatalogsFailCleanly(_ id: String) throws {
        let path = try #require(BundledCatalogs.path(forID: id))
        let bytes = Array(try #require(FileManager.default.contents(atPath: path)))
        let codesStart = try #require(bytes.firstRange(of: Array("\ncodes:".utf8))).lowerBound
        var rejected = 0
        for cut in stride(from: 0, to: bytes.count, by: 97) {
            let prefix = Array(bytes[..<cut])
            let result = Self.load(prefix)
            let lineCount = prefix.count { $0 == UInt8(ascii: "\n") } + 1
            if result.catalog == nil {
                rejected += 1
                #expect(result.hasErrors, "cut at byte \(cut) gave no catalog and no error")
            } else {
                #expect(result.diagnostics.isEmpty, "cut at byte \(cut) gave a catalog and \(result.diagnostics)")
            }
            // A prefix without the `codes:` line cannot be a catalog.
            if cut <= codesStart {
                #expect(result.catalog == nil, "cut at byte \(cut) is before 'codes:' but loaded")
            }
            for diagnostic in result.diagnostics {
                let location = try #require(diagnostic.location, "cut at byte \(cut): \(diagnostic) has no location")
                #expect(location.file == Self.path)
                #expect((1...lineCount).contains(location.line), "cut at byte \(cut): \(diagnostic)")
                #expect(location.column >= 1, "cut at byte \(cut): \(diagnostic)")
            }
        }
        #expect(rejected > 0)
    }

    @Test(.timeLimit(.minutes(1)), arguments: 1...8 as ClosedRange<UInt64>)
    func randomBytesAreRejectedAsNotText(_ seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = Self.load(bytes)
        #expect(result.catalog == nil)
        #expect(result.diagnostics.count == 1)
        let message = result.diagnostics.first?.message ?? ""
        #expect(
            message.contains("not valid UTF-8") || message.contains("which YAML does not allow")
                || message.contains("NUL byte"),
            "\(message)"
        )
    }

    @Test(.timeLimit(.minutes(1)), arguments: 1...8 as ClosedRange<UInt64>)
    func randomYAMLPiecesNeverCrash(_ seed: UInt64) {
        // Pieces of YAML syntax, shuffled: these reach the parser and the decoder, which random bytes do not.
        let pieces = [
            "- ", ": ", "{", "}", "[", "]", ", ", "\n", "  ", "    ", "&a ", "*a ", "&b ", "*b ", "? ", "!!str ",
            "\"", "'", "#", "|", ">", "---\n", "...\n", "errata", "1", "codes", "name", "status", "404", "{code}",
            "envelope", "format", "json", "body", "\\", "\t", "%YAML 1.2\n", "~", "null", "é", "☕",
        ]
        var generator = SeededGenerator(state: seed)
        for _ in 0..<200 {
            let count = Int.random(in: 1...60, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let result = Self.load(text)
            #expect(result.catalog == nil, "\(text.debugDescription) loaded")
            #expect(result.hasErrors, "\(text.debugDescription) gave no error")
            #expect(result.diagnostics.allSatisfy { $0.location != nil }, "\(result.diagnostics)")
        }
    }

    struct BadText: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var expected: String
        var testDescription: String { name }
    }

    static let badText: [BadText] = [
        BadText(
            name: "invalid UTF-8",
            bytes: Array("errata: 1\nid: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8),
            expected:
                "hostile.errata.yaml:2:8: error: the file is not valid UTF-8 (near byte 17); save it as UTF-8 text"
        ),
        BadText(
            name: "a lone continuation byte",
            bytes: Array("errata: 1\n".utf8) + [0x80],
            expected:
                "hostile.errata.yaml:2:1: error: the file is not valid UTF-8 (near byte 10); save it as UTF-8 text"
        ),
        BadText(
            name: "an encoded surrogate",
            bytes: Array("title: ".utf8) + [0xED, 0xA0, 0x80],
            expected: "hostile.errata.yaml:1:8: error: the file is not valid UTF-8 (near byte 7); save it as UTF-8 text"
        ),
        BadText(
            name: "UTF-16",
            bytes: [0xFF, 0xFE] + Array("errata: 1".utf8).flatMap { [$0, 0] },
            expected: "hostile.errata.yaml:1:1: error: the file is not valid UTF-8 (near byte 0); save it as UTF-8 text"
        ),
        BadText(
            name: "a NUL byte",
            bytes: Array("errata: 1\nid: shop\0\n".utf8),
            expected: "hostile.errata.yaml:2:9: error: the file contains a NUL byte (at byte 18); catalog files are "
                + "UTF-8 text"
        ),
        BadText(
            name: "a control character",
            bytes: Array("errata: 1\ntitle: Shop\u{1B}[31m\n".utf8),
            expected: "hostile.errata.yaml:2:12: error: the file contains the character U+001B (at byte 21), which "
                + "YAML does not allow; remove it"
        ),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: badText)
    func rejectsBytesThatAreNotText(_ text: BadText) {
        let result = Self.load(text.bytes)
        #expect(result.catalog == nil)
        #expect(result.diagnostics.map(\.description) == [text.expected])
    }

    // MARK: Nesting and aliases

    @Test(.timeLimit(.minutes(1)))
    func rejectsDeepFlowNesting() {
        let open = Self.load(String(repeating: "[", count: 100_000))
        Self.expectRejected(open, saying: "values are nested more than 64 levels deep", at: 1, 1)
        let balanced = Self.load(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        Self.expectRejected(balanced, saying: "values are nested more than 64 levels deep", at: 1, 1)
        // In mappings the reader counts first: the key `a` inside the 64th mapping is the 65th level.
        let mappings = Self.load(String(repeating: "{a: ", count: 100_000))
        Self.expectRejected(mappings, saying: "values are nested more than 64 levels deep", at: 1, 63 * 4 + 2)
    }

    @Test(.timeLimit(.minutes(1)))
    func rejectsDeepBlockNesting() {
        // Each "- " opens a list inside the one before; the 65th is too deep.
        let result = Self.load(String(repeating: "- ", count: 100_000) + "x\n")
        Self.expectRejected(result, saying: "values are nested more than 64 levels deep", at: 1, 129)
    }

    @Test(.timeLimit(.minutes(1)))
    func rejectsBillionLaughs() {
        var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let result = Self.load(yaml)
        // Line 6's third use of `e` (9^5 values each) is the first to pass 250,000.
        Self.expectRejected(
            result,
            saying: "the document has more than 250000 values (counting every use of an alias)",
            at: 6,
            16
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func rejectsAliasChainsThatDoublePerLine() {
        var yaml = "a0: &a0 [x, x]\n"
        for line in 1..<200 { yaml += "a\(line): &a\(line) [*a\(line - 1), *a\(line - 1)]\n" }
        let result = Self.load(yaml)
        Self.expectRejected(result, saying: "the document has more than 250000 values", at: 16, 18)
    }

    @Test(.timeLimit(.minutes(1)))
    func rejectsAliasChainsThatNestOneLevelPerLine() {
        // Each line wraps the previous anchor in one more list: small in size, deep in nesting.
        var yaml = "a0: &a0 [x]\n"
        for line in 1..<100_000 { yaml += "a\(line): &a\(line) [*a\(line - 1)]\n" }
        let result = Self.load(yaml)
        // `aN` is N + 1 lists around a scalar. On line 63, `a62: &a62 [*a61]` makes 65 levels: the top-level
        // mapping, a62's list, and a61's 62 lists and scalar.
        Self.expectRejected(result, saying: "values are nested more than 64 levels deep", at: 63, 12)
    }

    // MARK: Size

    @Test(.timeLimit(.minutes(1)))
    func rejectsFilesOverTheSizeLimit() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 5 << 20)
        let expected = "the file is 5242880 bytes; catalog files are limited to 4194304 bytes"
        Self.expectRejected(Self.load(bytes), saying: expected, at: 1, 1)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID()).errata.yaml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let clock = ContinuousClock()
        var result: CatalogLoadResult?
        let elapsed = clock.measure { result = CatalogLoader().load(path: file.path) }
        #expect(elapsed < Self.budget)
        #expect(result?.catalog == nil)
        #expect(result?.diagnostics.map(\.description) == ["\(file.path):1:1: error: \(expected)"])
    }

    @Test(.timeLimit(.minutes(1)))
    func findsAnErrorAtTheEndOfAHugeLine() {
        // 20,000 entries in one flow list on one line of over half a megabyte; the last is misnamed.
        let entries = (0..<20_000).map { "{ name: Entry\($0), status: 400 }" } + ["{ name: bad_name, status: 400 }"]
        let line = "codes: [" + entries.joined(separator: ", ") + "]"
        let result = Self.load("errata: 1\nid: shop\ntitle: Shop\nversion: 1.0.0\n" + line + "\n")
        let column = line.count - "bad_name, status: 400 }]".count + 1
        Self.expectRejected(result, saying: "name 'bad_name' must be UpperCamelCase", at: 5, column)
    }

    @Test(.timeLimit(.minutes(1)))
    func rejectsAHugeKey() {
        let key = String(repeating: "k", count: 3_000_000)
        // An implicit key longer than YAML allows (1024 characters) is a syntax error.
        let implicit = Self.load("errata: 1\n" + key + ": 1\n")
        Self.expectRejected(
            implicit,
            saying: "could not find expected ':' while scanning a simple key",
            at: 2,
            3_000_001
        )
        // An explicit key may be any length; the message shows only its start.
        let explicit = Self.load("errata: 1\nid: shop\ntitle: Shop\nversion: 1.0.0\ncodes: []\n? " + key + "\n: 1\n")
        Self.expectRejected(
            explicit,
            saying: "unknown key '\(String(repeating: "k", count: 40))…' at the top level; allowed keys are",
            at: 6,
            3
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func rejectsAMappingWith200kKeys() {
        var yaml = "errata: 1\n"
        for key in 0..<200_000 { yaml += "k\(key): \(key)\n" }
        let result = Self.load(yaml)
        // Each key and each value counts: the 250,001st value is key 124,999, on line 125,001.
        Self.expectRejected(result, saying: "the document has more than 250000 values", at: 125_001, 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func reportsAThousandErrorsAndCountsTheRest() {
        var yaml = "errata: 1\nid: shop\ntitle: Shop\nversion: 1.0.0\ncodes: []\n"
        for key in 0..<100_000 { yaml += "k\(key): 1\n" }
        let result = Self.load(yaml)
        #expect(result.catalog == nil)
        #expect(result.diagnostics.count == 1001)
        #expect(
            result.diagnostics.first?.description == "hostile.errata.yaml:6:1: error: unknown key 'k0' at the top "
                + "level; allowed keys are 'errata', 'id', 'title', 'version', 'docs', 'envelope', 'retryHeader', "
                + "'groups', 'codes', 'closeCodes', 'operations'"
        )
        #expect(
            result.diagnostics.last?.description == "hostile.errata.yaml:1:1: error: 99000 more errors not shown; fix "
                + "the first 1000 and load the file again"
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func reportsManyBadEntriesInLinearTime() {
        // Every entry has two errors; checking each entry for new errors must not rescan all earlier ones.
        let yaml =
            "errata: 1\nid: shop\ntitle: Shop\nversion: 1.0.0\ncodes:\n"
            + String(repeating: "  - { name: lower }\n", count: 40_000)
        let result = Self.load(yaml)
        #expect(result.catalog == nil)
        #expect(result.diagnostics.count == 1001)
        #expect(
            result.diagnostics.first?.description == "hostile.errata.yaml:6:5: error: code 'lower' has neither 'code' "
                + "nor 'status'; give at least one so the wire can identify it"
        )
    }
}
