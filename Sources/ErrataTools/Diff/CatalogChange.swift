/// One difference between two versions of a catalog, graded by what it means to the API's clients.
///
/// ```
/// major  entry 'MemberRefNotFound': status changed from 404 to 410
/// ```
public struct CatalogChange: Hashable, Sendable, CustomStringConvertible {
    /// How much the change matters to clients.
    public var grade: ChangeGrade
    /// What the change concerns: an entry, a close code, an operation, the envelope or the catalog as a whole.
    public var subject: Subject
    /// One line saying exactly what changed, starting with the subject:
    /// `entry 'MemberRefNotFound': status changed from 404 to 410`.
    public var message: String

    /// Creates a change.
    ///
    /// - Parameters:
    ///   - grade: How much the change matters to clients.
    ///   - subject: What the change concerns.
    ///   - detail: What changed, without the subject (`status changed from 404 to 410`).
    public init(_ grade: ChangeGrade, _ subject: Subject, _ detail: String) {
        self.grade = grade
        self.subject = subject
        self.message = "\(subject): \(detail)"
    }

    /// `major: entry 'MemberRefNotFound': status changed from 404 to 410`.
    public var description: String { "\(grade): \(message)" }
}

extension CatalogChange {
    /// What a change concerns: a named entry, close code or operation, the envelope, or the catalog itself.
    public struct Subject: Hashable, Sendable, CustomStringConvertible {
        /// The kind of part of a catalog a change concerns.
        public struct Kind: Hashable, Sendable, CustomStringConvertible {
            private enum Base: String, CaseIterable {
                case entry, closeCode, operation, envelope, catalog
            }

            private let base: Base

            private init(_ base: Base) {
                self.base = base
            }

            /// An entry of `codes`.
            public static let entry = Kind(.entry)
            /// A WebSocket close code of `closeCodes`.
            public static let closeCode = Kind(.closeCode)
            /// An operation of `operations`.
            public static let operation = Kind(.operation)
            /// The envelope, its field-error layout or its alternatives.
            public static let envelope = Kind(.envelope)
            /// The catalog's own metadata: id, title, docs link, groups.
            public static let catalog = Kind(.catalog)

            /// The kind's name, as `--format json` writes it: `entry`, `closeCode`, `operation`, `envelope`,
            /// `catalog`.
            public var rawValue: String { base.rawValue }
            public var description: String { base.rawValue }

            /// How messages name the kind: `entry`, `close code`, ….
            var phrase: String {
                switch base {
                case .entry: "entry"
                case .closeCode: "close code"
                case .operation: "operation"
                case .envelope: "envelope"
                case .catalog: "catalog"
                }
            }
        }

        /// The kind of part concerned.
        public var kind: Kind
        /// The name of the entry, close code or operation; `nil` for the envelope and the catalog.
        public var name: String?

        /// An entry, by name.
        public static func entry(_ name: String) -> Subject { Subject(kind: .entry, name: name) }
        /// A close code, by name.
        public static func closeCode(_ name: String) -> Subject { Subject(kind: .closeCode, name: name) }
        /// An operation, by name.
        public static func operation(_ name: String) -> Subject { Subject(kind: .operation, name: name) }
        /// The envelope.
        public static let envelope = Subject(kind: .envelope, name: nil)
        /// The catalog's own metadata.
        public static let catalog = Subject(kind: .catalog, name: nil)

        /// `entry 'MemberRefNotFound'`, `close code 'RateLimitHit'`, `envelope`, `catalog`.
        public var description: String {
            name.map { "\(kind.phrase) '\($0)'" } ?? kind.phrase
        }
    }
}
