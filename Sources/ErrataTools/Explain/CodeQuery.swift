import Errata

/// What `errata explain` was asked about: an HTTP status, a WebSocket close code, a gRPC status, or a catalog
/// code or entry name.
///
/// Spelled `429` or `http:429`, `ws:1008`, `grpc:NOT_FOUND` or `grpc:5`, and anything else (`NOT_FOUND`,
/// `MemberRefNotFound`) as a catalog code or entry name.
public struct CodeQuery: Hashable, Sendable, CustomStringConvertible {
    /// Which registry or catalog space the query names.
    public enum Space: Hashable, Sendable {
        /// A number: an HTTP status, or an integer catalog code.
        case number(Int)
        /// A WebSocket close code.
        case webSocket(WebSocketCloseCode)
        /// A gRPC status code.
        case grpc(GRPCStatusCode)
        /// A string catalog code or an entry name.
        case text(String)
    }

    /// What the query names.
    public let space: Space
    /// The query as written.
    public let description: String

    /// Parses a query.
    ///
    /// - Throws: ``Error`` saying what a well-formed query looks like.
    public init(parsing text: String) throws(CodeQuery.Error) {
        description = text
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw Error("empty code; try '429', 'ws:1008' or 'grpc:NOT_FOUND'") }
        let parts = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 {
            let value = String(parts[1])
            switch parts[0].lowercased() {
            case "http":
                guard let number = Int(value), (100...999).contains(number) else {
                    throw Error("'\(text)' is not an HTTP status; write a number from 100 to 599, like 'http:429'")
                }
                space = .number(number)
            case "ws", "websocket":
                guard let number = UInt16(value) else {
                    throw Error("'\(text)' is not a WebSocket close code; write a number, like 'ws:1008'")
                }
                space = .webSocket(WebSocketCloseCode(rawValue: number))
            case "grpc":
                if let number = Int(value) {
                    space = .grpc(GRPCStatusCode(rawValue: number))
                } else if let code = GRPCStatusCode(name: value) {
                    space = .grpc(code)
                } else {
                    throw Error(
                        "'\(value)' is not a gRPC status; use a name like 'NOT_FOUND' or a number from 0 to 16"
                    )
                }
            default:
                space = .text(trimmed)
            }
        } else if let number = Int(trimmed) {
            space = .number(number)
        } else {
            space = .text(trimmed)
        }
    }

    /// A query that cannot be parsed.
    public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong, and what a good query looks like.
        public let description: String

        init(_ description: String) {
            self.description = description
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
