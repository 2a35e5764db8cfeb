extension ErrorEntry {
    /// What an entry reports: an error, or one of the non-error statuses some APIs put in the same table.
    ///
    /// A struct over a private enum, so that later format versions can add kinds without breaking clients.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, CaseIterable {
            case error, success, informational, reserved, progress
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Creates a kind from its catalog spelling (`error`, `success`, …); `nil` for anything else.
        public init?(rawValue: String) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.base = base
        }

        /// The operation failed. The default.
        public static let error = Kind(.error)
        /// The operation succeeded (BlazeAuth's `Ok`).
        public static let success = Kind(.success)
        /// Neither success nor failure: information about the exchange.
        public static let informational = Kind(.informational)
        /// A value held back to mean "no status" (BlazeAuth's `None`) or for future use.
        public static let reserved = Kind(.reserved)
        /// An intermediate step of a longer operation, such as a chunk of a stream.
        public static let progress = Kind(.progress)

        /// Every kind, in the order the catalog format lists them.
        public static let allCases: [Kind] = Base.allCases.map(Kind.init)

        /// The catalog spelling.
        public var rawValue: String { base.rawValue }
        public var description: String { base.rawValue }
    }

    /// Who produces an entry.
    public struct Origin: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, CaseIterable {
            case server, client
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Creates an origin from its catalog spelling; `nil` for anything else.
        public init?(rawValue: String) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.base = base
        }

        /// Sent by the server. The default.
        public static let server = Origin(.server)
        /// Produced by the client only (BlazeAuth's `FileChecksumMismatch`): a server never sends it.
        public static let client = Origin(.client)

        /// Every origin.
        public static let allCases: [Origin] = Base.allCases.map(Origin.init)

        /// The catalog spelling.
        public var rawValue: String { base.rawValue }
        public var description: String { base.rawValue }
    }

    /// Whether a client may retry the request that produced an entry.
    public struct RetryRule: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, CaseIterable {
            case never, after, immediately
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Creates a rule from its catalog spelling; `nil` for anything else.
        public init?(rawValue: String) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.base = base
        }

        /// Repeating the same request gives the same answer. The default.
        public static let never = RetryRule(.never)
        /// Retry after a delay: the occurrence's retry-after, or a backoff when it has none.
        public static let after = RetryRule(.after)
        /// Retry at once; the condition is transient (a lost race, a stale connection).
        public static let immediately = RetryRule(.immediately)

        /// Every rule, from strictest to loosest.
        public static let allCases: [RetryRule] = Base.allCases.map(RetryRule.init)

        /// The catalog spelling.
        public var rawValue: String { base.rawValue }
        public var description: String { base.rawValue }
    }
}
