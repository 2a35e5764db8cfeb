import Errata

/// Every change between two versions of a catalog, graded for review of an API's error contract.
///
/// ```swift
/// let diff = CatalogDiff.compare(old, new)
/// for change in diff.changes { print(change) }   // major: entry 'MemberRefNotFound': status changed from 404 to 410
/// if !diff.isVersionBumpSufficient { print("needs at least", diff.minimumNewVersion!) }
/// ```
///
/// Entries, close codes and operations are matched by name. An entry that disappears while a new one appears with
/// the same code and status is reported as a rename (still ``ChangeGrade/major``: clients matching on the name
/// break), and the pair is then compared like any other; a close code is treated the same way on its number.
/// What each change is graded:
///
/// - ``ChangeGrade/major``: an entry, close code, operation, parameter, header or envelope member removed or
///   renamed; a code, status, kind or close code number changed; origin `server` → `client`; retry tightened
///   (`immediately` → `after` → `never`); an operation no longer answering with an entry; a message or header value
///   dropping a parameter; the envelope format, content type or field-error layout changed; a member that was always
///   present becoming optional (`{x}` → `{x?}`); per-field errors no longer carried.
/// - ``ChangeGrade/minor``: anything added (entries, parameters, close codes, operations and their answers,
///   envelope members, headers); a deprecation; retry loosened; origin `client` → `server`; an optional member now
///   always present.
/// - ``ChangeGrade/patch``: wording and documentation: messages and header values with the same parameters,
///   titles, descriptions, the docs link, close reasons, groups, the catalog's id and title, un-deprecation.
///
/// Lint allowances are not part of the contract and are not compared.
public struct CatalogDiff: Hashable, Sendable {
    /// Every change, most severe first; within a grade, in the order of the catalog (catalog, envelope, entries,
    /// close codes, operations).
    public let changes: [CatalogChange]
    /// The old catalog's declared `version`.
    public let oldVersion: String
    /// The new catalog's declared `version`.
    public let newVersion: String

    /// Compares two versions of a catalog.
    ///
    /// - Parameters:
    ///   - old: The version clients were written against.
    ///   - new: The proposed version.
    /// - Returns: Every change from `old` to `new`, graded.
    public static func compare(_ old: ErrorCatalog, _ new: ErrorCatalog) -> CatalogDiff {
        var comparison = CatalogComparison(old: old, new: new)
        comparison.compareCatalog()
        comparison.compareEnvelopes()
        comparison.compareEntries()
        comparison.compareCloseCodes()
        comparison.compareOperations()
        return CatalogDiff(changes: comparison.changes, oldVersion: old.version, newVersion: new.version)
    }

    /// Creates a diff from changes already found.
    ///
    /// - Parameters:
    ///   - changes: The changes, in any order; they are kept most severe first.
    ///   - oldVersion: The old catalog's declared version.
    ///   - newVersion: The new catalog's declared version.
    public init(changes: [CatalogChange], oldVersion: String, newVersion: String) {
        // A stable sort: within a grade, changes keep the order they were found in.
        self.changes = changes.enumerated().sorted { lhs, rhs in
            lhs.element.grade != rhs.element.grade ? lhs.element.grade > rhs.element.grade : lhs.offset < rhs.offset
        }.map(\.element)
        self.oldVersion = oldVersion
        self.newVersion = newVersion
    }

    /// The version bump the changes need: the grade of the most severe change, or `nil` when nothing changed.
    public var requiredBump: ChangeGrade? {
        changes.map(\.grade).max()
    }

    /// The number of changes of a grade.
    public func count(of grade: ChangeGrade) -> Int {
        changes.count { $0.grade == grade }
    }

    /// The lowest version the new catalog may declare: the old version bumped as ``requiredBump`` asks, or the old
    /// version itself when nothing changed; `nil` when the old version is not a semantic version.
    ///
    /// While the major version is 0, anything may change at any time (Semantic Versioning §4), and the usual
    /// practice, which this follows, shifts the bumps down one place: a minor bump (0.3.0 → 0.4.0) is enough for a
    /// breaking change, and a patch bump (0.3.0 → 0.3.1) for an addition.
    public var minimumNewVersion: SemanticVersion? {
        guard let old = SemanticVersion(oldVersion) else { return nil }
        guard let bump = requiredBump else { return old }
        let (major, minor, patch) =
            switch (bump, old.major == 0) {
            case (.major, false): (old.major + 1, 0, 0)
            case (.major, true), (.minor, false): (old.major, old.minor + 1, 0)
            default: (old.major, old.minor, old.patch + 1)
            }
        return SemanticVersion("\(major).\(minor).\(patch)")
    }

    /// Whether the new catalog's declared version is bumped enough for the changes: at least
    /// ``minimumNewVersion``, ignoring pre-release labels.
    ///
    /// With no changes, any version not older than the old one is enough. For catalogs still at major version 0, a
    /// minor bump is enough for a breaking change (Semantic Versioning §4: "Anything MAY change at any time"); see
    /// ``minimumNewVersion``. A version that is not semantic is never enough.
    public var isVersionBumpSufficient: Bool {
        guard let minimum = minimumNewVersion, let new = SemanticVersion(newVersion) else { return false }
        return (new.major, new.minor, new.patch) >= (minimum.major, minimum.minor, minimum.patch)
    }
}
