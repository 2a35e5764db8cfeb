import Foundation
import Testing

@Suite struct LintCommandTests {
    @Test func bundledCatalogsPassStrict() throws {
        let output = try CommandRunner.run("lint", "--strict", "Catalogs")
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput.contains("10 catalogs checked: 0 errors, 0 warnings"))
    }

    @Test func reportsErrorsCompilerStyleAndExitsOne() throws {
        let path = try CommandRunner.temporaryFile(
            named: "typo.errata.yaml",
            """
            errata: 1
            id: typo
            title: Typo
            version: 1.0.0
            codes:
              - name: MemberNotFound
                code: 20002
                stauts: 404
            """
        )
        let output = try CommandRunner.run("lint", path)
        #expect(output.status == 1)
        #expect(
            output.standardOutput.contains(
                "\(path):8:5: error: unknown key 'stauts' in code 'MemberNotFound'; did you mean 'status'?"
            )
        )
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let path = try CommandRunner.temporaryFile(
            named: "limits.errata.yaml",
            """
            errata: 1
            id: limits
            title: Limits
            version: 1.0.0
            codes:
              - { name: RateLimited, code: 1, status: 429, message: Slow down. }
            """
        )
        let relaxed = try CommandRunner.run("lint", path)
        #expect(relaxed.status == 0)
        #expect(relaxed.standardOutput.contains("warning:"))
        #expect(relaxed.standardOutput.contains("[missing-retry-after]"))
        let strict = try CommandRunner.run("lint", "--strict", path)
        #expect(strict.status == 1)
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let path = try CommandRunner.temporaryFile(
            named: "json.errata.yaml",
            "errata: 1\nid: json\ntitle: J\nversion: 1.0.0\ncodes:\n  - { name: Teapot, code: 1, status: 299 }\n"
        )
        let output = try CommandRunner.run("lint", "--format", "json", path)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["errors"] as? Int == 0)
        #expect((object["warnings"] as? Int ?? 0) >= 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let unknownStatus = try #require(diagnostics.first { $0["rule"] as? String == "unknown-status" })
        #expect(unknownStatus["line"] as? Int == 6)
        #expect(unknownStatus["severity"] as? String == "warning")
    }

    @Test func missingPathIsAUsageError() throws {
        let output = try CommandRunner.run("lint", "no/such/catalog.errata.yaml")
        #expect(output.status == 64)
        #expect(
            output.standardError.contains(
                "'no/such/catalog.errata.yaml' is neither a file, a folder nor a bundled catalog"
            )
        )
    }

    @Test func folderWithoutCatalogsIsAUsageError() throws {
        let folder = try CommandRunner.temporaryFolder()
        let output = try CommandRunner.run("lint", folder.path)
        #expect(output.status == 64)
        #expect(output.standardError.contains("is a folder with no catalog files"))
    }

    @Test func listsRules() throws {
        let output = try CommandRunner.run("lint", "--rules")
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("shared-code"))
        #expect(output.standardOutput.contains("missing-retry-after"))
    }
}
