import ArgumentParser
import Errata
import ErrataTools
import Foundation

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a catalog and grade every change as major, minor or patch.",
        discussion: """
            Prints one line per change, most severe first, then the version bump the changes need and whether \
            NEW's declared version is enough (under 0.x, a minor bump is enough for breaking changes). \
            Exit status: 0, or with --fail-on GRADE, 1 when any change is of that grade or more severe.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum Grade: String, ExpressibleByArgument, CaseIterable {
        case major, minor, patch

        var changeGrade: ChangeGrade {
            switch self {
            case .major: .major
            case .minor: .minor
            case .patch: .patch
            }
        }
    }

    @Argument(help: ArgumentHelp("The old catalog: a file or a bundled catalog id.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The new catalog: a file or a bundled catalog id.", valueName: "NEW"))
    var new: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Exit 1 when any change is of this grade or more severe.", valueName: "grade")
    )
    var failOn: Grade?

    func run() async throws {
        let oldFile = try Self.singleCatalog(old, option: "OLD")
        let newFile = try Self.singleCatalog(new, option: "NEW")
        let oldCatalog = Self.load(oldFile, option: "OLD")
        let newCatalog = Self.load(newFile, option: "NEW")
        guard let oldCatalog, let newCatalog else { throw ExitCode(1) }

        let diff = CatalogDiff.compare(oldCatalog, newCatalog)
        switch format {
        case .text:
            print(Self.text(diff), terminator: "")
        case .json:
            print(try DiffReport(diff).json())
        }
        if let threshold = failOn?.changeGrade, diff.changes.contains(where: { $0.grade >= threshold }) {
            throw ExitCode(1)
        }
    }

    /// The one catalog file an argument names.
    static func singleCatalog(_ argument: String, option: String) throws -> String {
        let files = try CatalogInputs.resolve([argument], option: option)
        guard files.count == 1, let file = files.first else {
            throw ValidationError(
                "\(option) '\(argument)' holds \(files.count) catalogs; 'errata diff' compares one catalog file "
                    + "with another."
            )
        }
        return file
    }

    /// The catalog in `file`, or `nil` after printing why it did not load.
    static func load(_ file: String, option: String) -> ErrorCatalog? {
        let loaded = CatalogLoader().load(path: file)
        guard let catalog = loaded.catalog else {
            for diagnostic in loaded.diagnostics { printError(diagnostic.description) }
            printError("error: \(option) '\(file)' has errors; fix them first ('errata lint \(file)' lists them).")
            return nil
        }
        return catalog
    }

    /// `MAJOR  entry 'MemberRefNotFound': status changed from 404 to 410` per change, then a summary line.
    static func text(_ diff: CatalogDiff) -> String {
        guard let bump = diff.requiredBump else { return "no changes\n" }
        var text = ""
        for change in diff.changes {
            text += "\(change.grade.rawValue.uppercased())  \(change.message)\n"
        }
        let noun = diff.changes.count == 1 ? "change" : "changes"
        let counts = ChangeGrade.allCases.map { "\(diff.count(of: $0)) \($0)" }.joined(separator: ", ")
        var summary = "\(diff.changes.count) \(noun): \(counts); needs a \(bump) version bump"
        if let minimum = diff.minimumNewVersion {
            let underZero = minimum.major == 0 && bump != .patch ? " under 0.x" : ""
            summary += " (\(diff.oldVersion) → \(minimum) or later\(underZero))"
        }
        summary += "; NEW declares \(diff.newVersion), which "
        summary += diff.isVersionBumpSufficient ? "is enough" : "is not enough"
        return text + summary + "\n"
    }
}

/// The `--format json` output of `errata diff`.
struct DiffReport: Encodable {
    struct Item: Encodable {
        struct Subject: Encodable {
            var kind: String
            var name: String?
        }

        var grade: String
        var subject: Subject
        var message: String
    }

    var changes: [Item]
    var requiredBump: String?
    var oldVersion: String
    var newVersion: String
    var versionBumpSufficient: Bool

    init(_ diff: CatalogDiff) {
        self.changes = diff.changes.map {
            Item(
                grade: $0.grade.rawValue,
                subject: Item.Subject(kind: $0.subject.kind.rawValue, name: $0.subject.name),
                message: $0.message
            )
        }
        self.requiredBump = diff.requiredBump?.rawValue
        self.oldVersion = diff.oldVersion
        self.newVersion = diff.newVersion
        self.versionBumpSufficient = diff.isVersionBumpSufficient
    }

    private enum CodingKeys: String, CodingKey {
        case changes, requiredBump, oldVersion, newVersion, versionBumpSufficient
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(changes, forKey: .changes)
        // Always present: `null` says "no bump needed".
        try container.encode(requiredBump, forKey: .requiredBump)
        try container.encode(oldVersion, forKey: .oldVersion)
        try container.encode(newVersion, forKey: .newVersion)
        try container.encode(versionBumpSufficient, forKey: .versionBumpSufficient)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
