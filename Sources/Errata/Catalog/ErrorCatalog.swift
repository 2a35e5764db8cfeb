public import HTTPTypes

/// An API's error contract: every status and error code it can answer with, and how they look on the wire.
///
/// A catalog is usually loaded from a `NAME.errata.yaml` file by `ErrataTools`, or embedded as generated Swift.
/// Entries are identified by ``ErrorEntry/name``; codes need not be unique on their own.
public struct ErrorCatalog: Hashable, Sendable {
    /// The catalog format version (`errata: 1`).
    public let formatVersion: Int
    /// The catalog's identifier: lowercase letters, digits and `-` (`pluralkit`).
    public let id: String
    /// The API's name, as headings show it.
    public let title: String
    /// The catalog's own semantic version, compared by `errata diff`.
    public let version: String
    /// The documentation link template per entry (`https://example.com/errors#{code}`); also the problem `type`.
    public let docs: MessageTemplate?
    /// How errors look on the wire.
    public let envelope: Envelope
    /// A response header by which the API says whether to retry, `true` or `false` (Stripe's
    /// `Stripe-Should-Retry`): the decoder reads it into ``DecodedError/retryAdvice``, and a client's retry policy
    /// follows it over the entry's own rule.
    public let retryHeader: HTTPField.Name?
    /// Named code ranges, in the order written.
    public let groups: [CodeGroup]
    /// Every status and error, in the order written.
    public let entries: [ErrorEntry]
    /// WebSocket close codes, in the order written.
    public let closeCodes: [CloseCodeEntry]
    /// Operations and the entries they may answer with.
    public let operations: [Operation]

    private let entryIndexByName: [String: Int]
    /// Each entry's identity, by position: what occurrences of the catalog's entries refer to.
    private let identities: Identities

    /// Derived from ``entries``, so left out of equality and hashing.
    private struct Identities: Hashable, Sendable {
        let all: [EntryIdentity]

        static func == (lhs: Self, rhs: Self) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }

    /// Creates a catalog.
    ///
    /// Names should be unique; when two entries share a name, ``entry(named:)`` finds the first.
    public init(
        formatVersion: Int = 1,
        id: String,
        title: String,
        version: String = "1.0.0",
        docs: MessageTemplate? = nil,
        envelope: Envelope = .problem,
        retryHeader: HTTPField.Name? = nil,
        groups: [CodeGroup] = [],
        entries: [ErrorEntry],
        closeCodes: [CloseCodeEntry] = [],
        operations: [Operation] = []
    ) {
        self.formatVersion = formatVersion
        self.id = id
        self.title = title
        self.version = version
        self.docs = docs
        self.envelope = envelope
        self.retryHeader = retryHeader
        self.groups = groups
        self.entries = entries
        self.closeCodes = closeCodes
        self.operations = operations
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where index[entry.name] == nil {
            index[entry.name] = position
        }
        self.entryIndexByName = index
        self.identities = Identities(all: entries.enumerated().map { EntryIdentity(entry: $1, index: $0) })
    }

    /// The identity of the entry with this name, which occurrences built from this catalog share.
    func identity(named name: String) -> EntryIdentity? {
        entryIndexByName[name].map { identities.all[$0] }
    }

    /// The identity of the entry at a position of ``entries``.
    func identity(at index: Int) -> EntryIdentity {
        identities.all[index]
    }

    /// The entry with this name.
    public func entry(named name: String) -> ErrorEntry? {
        entryIndexByName[name].map { entries[$0] }
    }

    /// The entries with this code, in catalog order.
    public func entries(withCode code: ErrorCode) -> [ErrorEntry] {
        entries.filter { $0.code == code }
    }

    /// Where an entry is documented, which is also its problem type URI: the entry's own ``ErrorEntry/docs``, else
    /// the catalog's ``docs`` template filled with the entry's code, name and status; `nil` without either.
    public func documentationURL(for entry: ErrorEntry) -> String? {
        if let docs = entry.docs { return docs }
        guard let docs else { return nil }
        return try? docs.render { name in
            switch name {
            case "code": entry.code?.description ?? ""
            case "name": entry.name
            case "status": entry.status.map { String($0.code) } ?? ""
            default: nil
            }
        }
    }

    /// The entries answered with this HTTP status, as their ``ErrorEntry/status`` or one of their
    /// ``ErrorEntry/otherStatuses``, in catalog order.
    public func entries(withStatus status: Int) -> [ErrorEntry] {
        entries.filter { $0.isSent(withStatus: status) }
    }

    /// The close code entry with this name.
    public func closeCode(named name: String) -> CloseCodeEntry? {
        closeCodes.first { $0.name == name }
    }

    /// The operation with this name.
    public func operation(named name: String) -> Operation? {
        operations.first { $0.name == name }
    }

    /// The group an entry belongs to: the one it names, else the first whose range holds its integer code.
    public func group(of entry: ErrorEntry) -> CodeGroup? {
        if let name = entry.group { return groups.first { $0.name == name } }
        guard let code = entry.code?.integerValue else { return nil }
        return groups.first { $0.codes.contains(code) }
    }
}
