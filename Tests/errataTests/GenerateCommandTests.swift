import Foundation
import Testing

@Suite struct GenerateCommandTests {
    @Test func printsMarkdownToStandardOutput() throws {
        let output = try CommandRunner.run("generate", "markdown", "pluralkit")
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.hasPrefix("# PluralKit API v2 errors\n"))
        #expect(output.standardOutput.contains("<a id=\"MemberRefNotFound\"></a>`MemberRefNotFound`"))
        #expect(output.standardOutput.hasSuffix("|\n"))
        #expect(output.standardError.isEmpty)
    }

    @Test(arguments: ["markdown", "html", "openapi", "json-schema"])
    func outputWritesTheSameBytesToTheFile(format: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "errata-generate-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out").path

        let written = try CommandRunner.run("generate", format, "Catalogs/batchdata.errata.yaml", "--output", file)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput.isEmpty)
        let contents = try #require(FileManager.default.contents(atPath: file))

        let printed = try CommandRunner.run("generate", format, "batchdata")
        #expect(printed.status == 0)
        #expect(String(decoding: contents, as: UTF8.self) == printed.standardOutput)
    }

    @Test func htmlIsAWholeDocument() throws {
        let output = try CommandRunner.run("generate", "html", "blazeauth")
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.hasPrefix("<!DOCTYPE html>\n"))
        #expect(output.standardOutput.hasSuffix("</html>\n"))
        #expect(output.standardOutput.contains("<tr id=\"FileChecksumMismatch\""))
    }

    @Test(arguments: ["openapi", "json-schema"])
    func jsonFormatsPrintJSON(format: String) throws {
        let output = try CommandRunner.run("generate", format, "rest-error-codes")
        #expect(output.status == 0, "\(output.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        if format == "openapi" {
            #expect(object?["openapi"] as? String == "3.1.0")
        } else {
            #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        }
    }

    @Test func rejectsAnUnknownFormat() throws {
        let output = try CommandRunner.run("generate", "pdf", "pluralkit")
        #expect(output.status == 64)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("pdf"))
        #expect(output.standardError.contains("markdown"))
    }

    @Test func rejectsAnUnknownCatalog() throws {
        let output = try CommandRunner.run("generate", "markdown", "no-such-catalog")
        #expect(output.status == 64)
        #expect(output.standardError.contains("no-such-catalog"))
    }

    @Test func reportsAnOutputThatCannotBeWritten() throws {
        let output = try CommandRunner.run(
            "generate",
            "markdown",
            "pluralkit",
            "--output",
            "/nonexistent-errata-folder/errors.md"
        )
        #expect(output.status == 1)
        #expect(output.standardError.contains("cannot write '/nonexistent-errata-folder/errors.md'"))
        #expect(output.standardError.contains("does not exist"))
    }

    /// Two runs of the generator are two processes, with different hash seeds (Swift seeds `Hasher` per process), so
    /// output that followed a dictionary's or set's order would differ between them; within one process it could not.
    @Test(
        arguments: ["markdown", "html", "openapi", "json-schema", "swift"],
        ["pluralkit", "rest-error-codes", "batchdata", "blazeauth"]
    )
    func sameOutputFromSeparateProcesses(format: String, catalog: String) throws {
        #expect(ProcessInfo.processInfo.environment["SWIFT_DETERMINISTIC_HASHING"] == nil)
        let first = try CommandRunner.run("generate", format, catalog)
        let second = try CommandRunner.run("generate", format, catalog)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(!first.standardOutput.isEmpty)
        #expect(first.standardOutput == second.standardOutput)
    }
}
