import Errata
import ErrataTools
import Foundation
import Testing

/// `Schemas/errata-catalog.schema.json` says what the loader reads: the same keys in every mapping, the same fixed
/// words, and a description on every property for editors to show.
///
/// The value rules (types, patterns, conditionals) are checked with a real JSON Schema validator against the
/// bundled catalogs and the bad ones in `Schemas/Fixtures/invalid/` by `scripts/validate-catalog-schema.sh`.
@Suite struct CatalogFileSchemaTests {
    /// The repository's root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The schema, read again by each test: `[String: Any]` is not `Sendable`, so it cannot be a shared constant.
    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: root.appending(path: "Schemas/errata-catalog.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A mapping of the catalog file: where the schema describes it, and the keys the loader accepts and needs.
    struct Mapping: Sendable, CustomTestStringConvertible {
        var name: String
        /// Path from the schema's root to the mapping's schema, through `properties` and `$defs`.
        var path: [String]
        var allowed: [String]
        var required: [String]

        var testDescription: String { name }
    }

    static let mappings: [Mapping] = [
        Mapping(
            name: "top level",
            path: [],
            allowed: CatalogDecoder.topLevelKeys,
            required: CatalogDecoder.requiredTopLevelKeys
        ),
        Mapping(
            name: "codes item",
            path: ["$defs", "entry"],
            allowed: CatalogDecoder.entryKeys,
            required: CatalogDecoder.requiredEntryKeys
        ),
        Mapping(
            name: "params declaration",
            path: ["$defs", "parameter"],
            allowed: CatalogDecoder.parameterKeys,
            required: []
        ),
        Mapping(
            name: "lint",
            path: ["$defs", "lint"],
            allowed: CatalogDecoder.lintKeys,
            required: CatalogDecoder.requiredLintKeys
        ),
        Mapping(
            name: "groups item",
            path: ["$defs", "group"],
            allowed: CatalogDecoder.groupKeys,
            required: CatalogDecoder.requiredGroupKeys
        ),
        Mapping(
            name: "closeCodes item",
            path: ["$defs", "closeCode"],
            allowed: CatalogDecoder.closeCodeKeys,
            required: CatalogDecoder.requiredCloseCodeKeys
        ),
        Mapping(
            name: "operations item",
            path: ["$defs", "operation"],
            allowed: CatalogDecoder.operationKeys,
            required: CatalogDecoder.requiredOperationKeys
        ),
        Mapping(
            name: "envelope",
            path: ["properties", "envelope"],
            allowed: CatalogDecoder.envelopeKeys,
            required: CatalogDecoder.requiredEnvelopeKeys
        ),
        Mapping(
            name: "envelope alternative",
            path: ["$defs", "alternativeEnvelope"],
            allowed: CatalogDecoder.alternativeEnvelopeKeys,
            required: CatalogDecoder.requiredEnvelopeKeys
        ),
        Mapping(
            name: "fieldErrors",
            path: ["$defs", "fieldErrors"],
            allowed: CatalogDecoder.fieldErrorsKeys,
            required: CatalogDecoder.requiredFieldErrorsKeys
        ),
    ]

    /// A fixed set of words the loader accepts, and where the schema lists them as an `enum`.
    struct Words: Sendable, CustomTestStringConvertible {
        var name: String
        var paths: [[String]]
        var words: [String]

        var testDescription: String { name }
    }

    static let words: [Words] = [
        Words(
            name: "envelope format",
            paths: [
                ["properties", "envelope", "properties", "format"],
                ["$defs", "alternativeEnvelope", "properties", "format"],
            ],
            words: Envelope.Format.allCases.map(\.rawValue)
        ),
        Words(
            name: "field error layout",
            paths: [["$defs", "fieldErrors", "properties", "layout"]],
            words: Envelope.FieldErrorLayout.Layout.allCases.map(\.rawValue)
        ),
        Words(
            name: "retry",
            paths: [["$defs", "entry", "properties", "retry"], ["$defs", "closeCode", "properties", "retry"]],
            words: ErrorEntry.RetryRule.allCases.map(\.rawValue)
        ),
        Words(
            name: "kind",
            paths: [["$defs", "entry", "properties", "kind"]],
            words: ErrorEntry.Kind.allCases.map(\.rawValue)
        ),
        Words(
            name: "origin",
            paths: [["$defs", "entry", "properties", "origin"]],
            words: ErrorEntry.Origin.allCases.map(\.rawValue)
        ),
        Words(
            name: "parameter type",
            paths: [["$defs", "parameter", "properties", "type"]],
            words: ParameterType.allCases.map(\.rawValue)
        ),
        Words(
            name: "lint rule",
            paths: [["$defs", "lint", "properties", "allow", "items"]],
            words: LintRule.all.map(\.id)
        ),
    ]

    /// The object at `path` in the schema.
    static func node(at path: [String]) throws -> [String: Any]? {
        var node: [String: Any]? = try schema()
        for key in path { node = node?[key] as? [String: Any] }
        return node
    }

    @Test func isADraft2020_12SchemaWithAnID() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((schema["$id"] as? String)?.hasSuffix("/errata-catalog.schema.json") == true)
        #expect(schema["title"] is String)
    }

    @Test(arguments: mappings)
    func listsExactlyTheKeysTheLoaderAccepts(_ mapping: Mapping) throws {
        let node = try #require(try Self.node(at: mapping.path), "no schema at \(mapping.path)")
        let properties = try #require(node["properties"] as? [String: Any])
        let inSchema = Set(properties.keys)
        let inLoader = Set(mapping.allowed)
        let schemaOnly = inSchema.subtracting(inLoader).sorted()
        let loaderOnly = inLoader.subtracting(inSchema).sorted()
        #expect(schemaOnly.isEmpty, "in the schema only: \(schemaOnly)")
        #expect(loaderOnly.isEmpty, "in the loader only: \(loaderOnly)")
        // The loader rejects every other key, so editors should flag them too.
        #expect(node["additionalProperties"] as? Bool == false)
        #expect(Set(node["required"] as? [String] ?? []) == Set(mapping.required))
    }

    @Test(arguments: words)
    func listsExactlyTheWordsTheLoaderAccepts(_ words: Words) throws {
        for path in words.paths {
            let node = try #require(try Self.node(at: path), "no schema at \(path)")
            let inSchema = try #require(node["enum"] as? [String], "no enum at \(path)")
            #expect(Set(inSchema) == Set(words.words), "at \(path)")
        }
    }

    /// Editors show a property's description on hover and in completion lists.
    @Test func describesEveryProperty() throws {
        var undescribed: [String] = []
        func visit(_ value: Any, path: String) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] {
                    for (name, property) in properties {
                        if (property as? [String: Any])?["description"] as? String == nil {
                            undescribed.append("\(path)/properties/\(name)")
                        }
                    }
                }
                // An `if` names properties only to test their values (`format: json`); editors do not show it.
                for (key, child) in object where key != "if" { visit(child, path: "\(path)/\(key)") }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { visit(child, path: "\(path)/\(index)") }
            }
        }
        visit(try Self.schema(), path: "#")
        #expect(undescribed.isEmpty, "no description: \(undescribed.sorted())")
    }

    /// Each bad catalog the validation script expects the schema to reject is one the loader rejects too, so the
    /// schema is never stricter than the loader on these.
    @Test func theLoaderRejectsEveryInvalidFixture() throws {
        let directory = Self.root.appending(path: "Schemas/Fixtures/invalid")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))
            .filter { $0.hasSuffix(".errata.yaml") }.sorted()
        #expect(files.count >= 10)
        for file in files {
            let result = CatalogLoader().load(path: directory.appending(path: file).path(percentEncoded: false))
            #expect(result.catalog == nil, "\(file) loads")
            #expect(result.hasErrors, "\(file) has no error")
        }
    }

    /// The bundled catalogs point editors at the schema (yaml-language-server, used by VS Code's YAML extension and
    /// others).
    @Test func bundledCatalogsNameTheSchema() throws {
        let directory = Self.root.appending(path: "Catalogs")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))
            .filter { $0.hasSuffix(".errata.yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: directory.appending(path: file), encoding: .utf8)
            #expect(
                text.hasPrefix("# yaml-language-server: $schema=../Schemas/errata-catalog.schema.json\n"),
                "\(file)"
            )
        }
    }
}
