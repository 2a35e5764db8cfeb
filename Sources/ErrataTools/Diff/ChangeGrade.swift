/// How much a change to a catalog matters to the API's clients, in semantic-versioning terms.
///
/// Grades are ordered: ``patch`` < ``minor`` < ``major``. A struct over a private enum, so that a later version
/// can add a grade without breaking code that switches over the existing ones.
public struct ChangeGrade: Hashable, Sendable, Comparable, CustomStringConvertible {
    private enum Base: Int, CaseIterable {
        case patch, minor, major

        var name: String {
            switch self {
            case .patch: "patch"
            case .minor: "minor"
            case .major: "major"
            }
        }
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    /// Creates a grade from its name (`major`, `minor`, `patch`); `nil` for anything else.
    public init?(rawValue: String) {
        guard let base = Base.allCases.first(where: { $0.name == rawValue }) else { return nil }
        self.base = base
    }

    /// A breaking change: a client written against the old catalog may misread or miss an error.
    public static let major = ChangeGrade(.major)
    /// A backward-compatible addition: new entries, parameters, members or answers.
    public static let minor = ChangeGrade(.minor)
    /// A change to wording or documentation only.
    public static let patch = ChangeGrade(.patch)

    /// Every grade, most severe first.
    public static let allCases: [ChangeGrade] = Base.allCases.reversed().map(ChangeGrade.init)

    /// The grade's name: `major`, `minor` or `patch`.
    public var rawValue: String { base.name }
    public var description: String { base.name }

    public static func < (lhs: ChangeGrade, rhs: ChangeGrade) -> Bool {
        lhs.base.rawValue < rhs.base.rawValue
    }
}
