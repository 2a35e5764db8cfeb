public import HTTPTypes

/// An error response read back: the catalog entry it is, when recognised, and everything the response said.
///
/// Decoding never fails: a body from another API, a truncated one or garbage comes back unrecognised, with the
/// status, whatever code and message could be found, the raw body, and the ``problem`` that stopped decoding.
public struct DecodedError: Sendable {
    /// The catalog entry the response is, or `nil` when it is not recognised.
    ///
    /// Setting it keeps no tie to the catalog: the entry is then known by itself.
    public var entry: ErrorEntry? {
        get { identity?.entry }
        set { identity = newValue.map { EntryIdentity(entry: $0, index: nil) } }
    }
    /// The entry as the decoder's catalog knows it, shared with every other response of that entry: a decoded error
    /// is copied at every hop of a client's way out (thrown, caught, handed to the retry policy, thrown again), and
    /// holding the entry by reference makes each copy retain one reference instead of each of the entry's.
    var identity: EntryIdentity?
    /// The HTTP status: the response's, or the one the body gives for status packets.
    public var status: HTTPResponse.Status?
    /// The code the body gives.
    public var code: ErrorCode?
    /// The message (problem `detail`).
    public var message: String?
    /// The problem `title`, or the envelope's `title` member.
    public var title: String?
    /// The problem `type`.
    public var type: String?
    /// The occurrence's `instance`.
    public var instance: String?
    /// Parameter values pulled back out of the message (and `params.NAME` members).
    public var parameters: [String: String]
    /// Per-field errors.
    public var fieldErrors: [FieldError]
    /// How long to wait before retrying: the `Retry-After` header, else the body's retry-after member.
    public var retryAfter: Duration?
    /// Whether the server says to retry, from the catalog's ``ErrorCatalog/retryHeader`` (Stripe's
    /// `Stripe-Should-Retry: true`): `true`, `false`, or `nil` when it says nothing or the catalog names no such header.
    public var retryAdvice: Bool?
    /// The request or packet id.
    public var requestID: JSONValue?
    /// The `details` member.
    public var details: JSONValue?
    /// The parsed body, members in the order received; `nil` when the body is not JSON.
    public var body: JSONValue?
    /// The body bytes as received (up to the decoder's size limit).
    public var rawBody: [UInt8]
    /// Why the body could not be read, if it could not.
    public var problem: Problem?

    /// Whether the response is a catalog entry.
    public var isRecognized: Bool { identity != nil }

    /// The entry's name, when recognised.
    public var name: String? { identity?.entry.name }

    init(status: HTTPResponse.Status?, rawBody: [UInt8]) {
        self.status = status
        self.rawBody = rawBody
        self.parameters = [:]
        self.fieldErrors = []
    }

    /// Why a body could not be decoded.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// What kind of problem it is.
        public let kind: Kind
        /// What went wrong, for people.
        public let description: String
        /// Where in the body, as a byte offset, when it concerns one place.
        public let offset: Int?

        /// A kind of decoding problem.
        public struct Kind: Hashable, Sendable, CustomStringConvertible {
            private enum Base: String, Hashable, Sendable {
                case tooLarge, invalidUTF8, malformedJSON, tooDeep
            }

            private let base: Base

            private init(_ base: Base) {
                self.base = base
            }

            /// The body is over the decoder's size limit; it was not parsed.
            public static let tooLarge = Kind(.tooLarge)
            /// The body is not UTF-8.
            public static let invalidUTF8 = Kind(.invalidUTF8)
            /// The body is not JSON.
            public static let malformedJSON = Kind(.malformedJSON)
            /// The body nests deeper than the decoder's limit.
            public static let tooDeep = Kind(.tooDeep)

            public var description: String { base.rawValue }
        }

        static func tooLarge(_ size: Int, limit: Int) -> Problem {
            Problem(kind: .tooLarge, description: "the body is \(size) bytes, over the limit of \(limit)", offset: nil)
        }

        static func invalidUTF8(offset: Int) -> Problem {
            Problem(kind: .invalidUTF8, description: "the body is not valid UTF-8 (at byte \(offset))", offset: offset)
        }

        static func malformedJSON(_ reason: String, offset: Int) -> Problem {
            Problem(
                kind: .malformedJSON,
                description: "the body is not JSON: \(reason) at byte \(offset)",
                offset: offset
            )
        }

        static func tooDeep(limit: Int, offset: Int) -> Problem {
            Problem(
                kind: .tooDeep,
                description: "the body nests deeper than \(limit) levels (at byte \(offset))",
                offset: offset
            )
        }
    }
}
