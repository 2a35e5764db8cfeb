/// A problem found in a catalog: where, how bad, what is wrong and how to fix it.
///
/// Printed compiler-style, so editors and CI logs link straight to the line:
/// `pluralkit.errata.yaml:42:5: error: unknown key 'stauts' in code 'MemberRefNotFound'; did you mean 'status'? [unknown-key]`
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    public var severity: Severity
    /// Where it is; `nil` when it concerns no particular place (an unreadable file still has its path).
    public var location: SourceLocation?
    /// What is wrong, and how to fix it.
    public var message: String
    /// The stable identifier of the rule that found it (`shared-code`), for `lint: { allow: […] }`.
    public var rule: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, rule: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.rule = rule
    }

    /// The location to sort by: diagnostics without one come first.
    var sortKey: SourceLocation {
        location ?? SourceLocation(file: "", line: 0, column: 0)
    }

    /// `path:line:column: severity: message [rule]`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity): \(message)"
        if let rule { text += " [\(rule)]" }
        return text
    }

    /// The severity of a diagnostic.
    public struct Severity: Hashable, Sendable, Comparable, CustomStringConvertible {
        private enum Base: Int, CaseIterable {
            case info, warning, error
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Creates a severity from its spelling (`error`, `warning`, `info`); `nil` for anything else.
        public init?(rawValue: String) {
            guard let base = Base.allCases.first(where: { "\($0)" == rawValue }) else { return nil }
            self.base = base
        }

        /// Worth knowing; never fails a lint run.
        public static let info = Severity(.info)
        /// Probably a mistake; fails a lint run under `--strict`.
        public static let warning = Severity(.warning)
        /// The catalog is wrong or cannot be used.
        public static let error = Severity(.error)

        /// The spelling used in output.
        public var rawValue: String { "\(base)" }
        public var description: String { rawValue }

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.base.rawValue < rhs.base.rawValue
        }
    }
}
