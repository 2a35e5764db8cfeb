import Foundation
import Testing

@Suite struct DiffCommandTests {
    static let old = """
        errata: 1
        id: members
        title: Members
        version: 1.0.0
        codes:
          - { name: MemberRefNotFound, code: 20003, status: 404, title: Member not found }
          - { name: Unauthorized, code: 0, status: 401 }
        """

    /// One major (status), one minor (added entry) and one patch (title) change, declared as 1.1.0.
    static let new = """
        errata: 1
        id: members
        title: Members
        version: 1.1.0
        codes:
          - { name: MemberRefNotFound, code: 20003, status: 410, title: Member gone }
          - { name: Unauthorized, code: 0, status: 401 }
          - { name: GroupNotFound, code: 20004, status: 404 }
        """

    static func files() throws -> (old: String, new: String) {
        (
            try CommandRunner.temporaryFile(named: "old.errata.yaml", old),
            try CommandRunner.temporaryFile(named: "new.errata.yaml", new)
        )
    }

    @Test func printsGradedChangesMostSevereFirstAndASummary() throws {
        let (old, new) = try Self.files()
        let output = try CommandRunner.run("diff", old, new)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(
            output.standardOutput == """
                MAJOR  entry 'MemberRefNotFound': status changed from 404 to 410
                MINOR  entry 'GroupNotFound': added (code 20004, status 404); new code 20004 breaks clients that treat \
                the codes as a closed set (a generated enum)
                PATCH  entry 'MemberRefNotFound': title changed from "Member not found" to "Member gone"
                3 changes: 1 major, 1 minor, 1 patch; needs a major version bump (1.0.0 → 2.0.0 or later); \
                NEW declares 1.1.0, which is not enough

                """
        )
    }

    @Test func identicalCatalogsPrintNoChanges() throws {
        let output = try CommandRunner.run("diff", "pluralkit", "Catalogs/pluralkit.errata.yaml")
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput == "no changes\n")
    }

    @Test(arguments: [("major", Int32(1)), ("minor", 1), ("patch", 1)])
    func failOnExitsOneWhenAChangeReachesTheGrade(_ grade: String, _ status: Int32) throws {
        let (old, new) = try Self.files()
        let output = try CommandRunner.run("diff", "--fail-on", grade, old, new)
        #expect(output.status == status)
        #expect(output.standardOutput.contains("3 changes"))
    }

    @Test(arguments: [("major", Int32(0)), ("minor", 1), ("patch", 1)])
    func failOnIgnoresLessSevereChanges(_ grade: String, _ status: Int32) throws {
        let old = try CommandRunner.temporaryFile(named: "old.errata.yaml", Self.old)
        let new = try CommandRunner.temporaryFile(
            named: "new.errata.yaml",
            Self.old.replacing("version: 1.0.0", with: "version: 1.1.0")
                + "\n  - { name: GroupNotFound, code: 20004, status: 404 }\n"
        )
        let output = try CommandRunner.run("diff", "--fail-on", grade, old, new)
        #expect(output.status == status, "\(output.standardOutput)")
        #expect(output.standardOutput.hasSuffix("which is enough\n"))
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let (old, new) = try Self.files()
        let output = try CommandRunner.run("diff", "--format", "json", old, new)
        #expect(output.status == 0, "\(output.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["requiredBump"] as? String == "major")
        #expect(object["oldVersion"] as? String == "1.0.0")
        #expect(object["newVersion"] as? String == "1.1.0")
        #expect(object["versionBumpSufficient"] as? Bool == false)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["grade"] as? String } == ["major", "minor", "patch"])
        #expect(changes.first?["message"] as? String == "entry 'MemberRefNotFound': status changed from 404 to 410")
        let subject = try #require(changes.first?["subject"] as? [String: Any])
        #expect(subject["kind"] as? String == "entry")
        #expect(subject["name"] as? String == "MemberRefNotFound")
    }

    @Test func jsonWithNoChangesHasANullBump() throws {
        let output = try CommandRunner.run("diff", "--format", "json", "blazeauth", "blazeauth")
        #expect(output.status == 0, "\(output.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["requiredBump"] is NSNull)
        #expect((object["changes"] as? [Any])?.isEmpty == true)
        #expect(object["versionBumpSufficient"] as? Bool == true)
    }

    @Test func missingPathIsAUsageError() throws {
        let (old, _) = try Self.files()
        let output = try CommandRunner.run("diff", old, "no/such/catalog.errata.yaml")
        #expect(output.status == 64)
        #expect(
            output.standardError.contains(
                "NEW 'no/such/catalog.errata.yaml' is neither a file, a folder nor a bundled catalog"
            )
        )
    }

    @Test func folderOfSeveralCatalogsIsAUsageError() throws {
        let output = try CommandRunner.run("diff", "Catalogs", "pluralkit")
        #expect(output.status == 64)
        #expect(output.standardError.contains("OLD 'Catalogs' holds "))
    }

    @Test func catalogThatFailsToLoadPrintsItsDiagnosticsAndExitsOne() throws {
        let (old, _) = try Self.files()
        let broken = try CommandRunner.temporaryFile(
            named: "broken.errata.yaml",
            "errata: 1\nid: members\ntitle: Members\nversion: 1.0.0\ncodes:\n  - { name: A, code: 1, stauts: 404 }\n"
        )
        let output = try CommandRunner.run("diff", old, broken)
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("\(broken):6:"))
        #expect(output.standardError.contains("did you mean 'status'?"))
        #expect(output.standardError.contains("NEW '\(broken)' does not load"))
    }
}
