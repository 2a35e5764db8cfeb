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
        // Both are loaded before either failure stops the command, so one run reports the problems of both.
        let oldResult = Result { try CatalogArgument.load(old, option: "OLD") }
        let newResult = Result { try CatalogArgument.load(new, option: "NEW") }
        let oldCatalog = try oldResult.get()
        let newCatalog = try newResult.get()

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
