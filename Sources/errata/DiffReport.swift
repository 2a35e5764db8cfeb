import ErrataTools
import Foundation

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
