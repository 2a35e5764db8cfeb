import HTTPTypes

/// A gRPC status code: the `grpc-status` that ends every RPC.
///
/// gRPC defines codes 0 through 16. Every `Int` is a valid `GRPCStatusCode` all the same, so a code
/// read off the wire can always be represented and passed on; ``name`` and ``meaning`` are `nil` for
/// codes gRPC does not define.
///
/// Defined codes print as their canonical name and number, such as `NOT_FOUND (5)`; other codes
/// print as the bare number, such as `42`.
///
/// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
public struct GRPCStatusCode: RawRepresentable, Hashable, Sendable {
    /// The numeric value of the status code.
    public var rawValue: Int

    /// Creates a status code from its numeric value.
    ///
    /// Every value is accepted, including values gRPC does not define.
    ///
    /// - Parameter rawValue: The status code value.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Creates a status code from its canonical name, such as `NOT_FOUND`.
    ///
    /// The name is matched ignoring ASCII case, so `not_found` and `Not_Found` work too. Other
    /// spellings, such as `not-found` or `NotFound`, are not accepted.
    ///
    /// - Parameter name: The canonical upper snake case name of a code gRPC defines.
    /// - Returns: `nil` if no code gRPC defines has that name.
    public init?(name: String) {
        // ASCII only: `uppercased()` would also fold letters such as "ı" and "ſ" into "I" and "S".
        let uppercased = String(decoding: name.utf8.map(Self.asciiUppercased), as: UTF8.self)
        guard let code = Self.all.first(where: { $0.name == uppercased }) else { return nil }
        self = code
    }

    private static func asciiUppercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 0x20 : byte
    }
}

extension GRPCStatusCode {
    /// OK (0)
    ///
    /// Not an error; returned on success.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let ok = Self(rawValue: 0)

    /// CANCELLED (1)
    ///
    /// The operation was cancelled, typically by the caller.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let cancelled = Self(rawValue: 1)

    /// UNKNOWN (2)
    ///
    /// Unknown error, such as a status from an error space this address space does not know, or an error
    /// raised by an API that returned too little information.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let unknown = Self(rawValue: 2)

    /// INVALID_ARGUMENT (3)
    ///
    /// The client specified an argument that is invalid whatever the state of the system, such as a
    /// malformed file name. Compare ``failedPrecondition``.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let invalidArgument = Self(rawValue: 3)

    /// DEADLINE_EXCEEDED (4)
    ///
    /// The deadline expired before the operation could complete; an operation that changes state may
    /// have completed all the same.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let deadlineExceeded = Self(rawValue: 4)

    /// NOT_FOUND (5)
    ///
    /// Some requested entity, such as a file or directory, was not found.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let notFound = Self(rawValue: 5)

    /// ALREADY_EXISTS (6)
    ///
    /// The entity that a client attempted to create, such as a file or directory, already exists.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let alreadyExists = Self(rawValue: 6)

    /// PERMISSION_DENIED (7)
    ///
    /// The caller does not have permission to execute the operation. Use ``resourceExhausted`` when a
    /// resource ran out and ``unauthenticated`` when the caller cannot be identified.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let permissionDenied = Self(rawValue: 7)

    /// RESOURCE_EXHAUSTED (8)
    ///
    /// Some resource has been exhausted, perhaps a per-user quota, or perhaps the entire file system is
    /// out of space.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let resourceExhausted = Self(rawValue: 8)

    /// FAILED_PRECONDITION (9)
    ///
    /// The system is not in a state the operation requires, such as deleting a non-empty directory;
    /// the client should not retry until the state has been fixed.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let failedPrecondition = Self(rawValue: 9)

    /// ABORTED (10)
    ///
    /// The operation was aborted, typically by a concurrency issue such as a sequencer check failure
    /// or a transaction abort; the client may retry at a higher level.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let aborted = Self(rawValue: 10)

    /// OUT_OF_RANGE (11)
    ///
    /// The operation was attempted past the valid range, such as seeking or reading past the end of a
    /// file; unlike ``invalidArgument``, it may be fixed by a change of state.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let outOfRange = Self(rawValue: 11)

    /// UNIMPLEMENTED (12)
    ///
    /// The operation is not implemented, or not supported or enabled in this service.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let unimplemented = Self(rawValue: 12)

    /// INTERNAL (13)
    ///
    /// Internal error: some invariant the underlying system expects has been broken.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let internalError = Self(rawValue: 13)

    /// UNAVAILABLE (14)
    ///
    /// The service is currently unavailable; most likely transient, so retrying with a backoff may
    /// succeed.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let unavailable = Self(rawValue: 14)

    /// DATA_LOSS (15)
    ///
    /// Unrecoverable data loss or corruption.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let dataLoss = Self(rawValue: 15)

    /// UNAUTHENTICATED (16)
    ///
    /// The request does not have valid authentication credentials for the operation.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
    public static let unauthenticated = Self(rawValue: 16)

    /// The 17 codes gRPC defines, 0 through 16, in order.
    public static let all: [GRPCStatusCode] = [
        .ok,
        .cancelled,
        .unknown,
        .invalidArgument,
        .deadlineExceeded,
        .notFound,
        .alreadyExists,
        .permissionDenied,
        .resourceExhausted,
        .failedPrecondition,
        .aborted,
        .outOfRange,
        .unimplemented,
        .internalError,
        .unavailable,
        .dataLoss,
        .unauthenticated,
    ]
}

extension GRPCStatusCode {
    /// The canonical name of the code, such as `NOT_FOUND`, or `nil` for a code gRPC does not define.
    public var name: String? {
        switch self.rawValue {
        case 0: return "OK"
        case 1: return "CANCELLED"
        case 2: return "UNKNOWN"
        case 3: return "INVALID_ARGUMENT"
        case 4: return "DEADLINE_EXCEEDED"
        case 5: return "NOT_FOUND"
        case 6: return "ALREADY_EXISTS"
        case 7: return "PERMISSION_DENIED"
        case 8: return "RESOURCE_EXHAUSTED"
        case 9: return "FAILED_PRECONDITION"
        case 10: return "ABORTED"
        case 11: return "OUT_OF_RANGE"
        case 12: return "UNIMPLEMENTED"
        case 13: return "INTERNAL"
        case 14: return "UNAVAILABLE"
        case 15: return "DATA_LOSS"
        case 16: return "UNAUTHENTICATED"
        default: return nil
        }
    }

    /// What the code means, in one line, or `nil` for a code gRPC does not define.
    public var meaning: String? {
        switch self.rawValue {
        case 0: return "Not an error; returned on success."
        case 1: return "The operation was cancelled, typically by the caller."
        case 2: return "Unknown error, or an error from an error space this process does not know."
        case 3: return "The client specified an argument that is invalid regardless of the system's state."
        case 4: return "The deadline expired before the operation could complete."
        case 5: return "Some requested entity was not found."
        case 6: return "The entity that a client attempted to create already exists."
        case 7: return "The caller does not have permission to execute the operation."
        case 8: return "Some resource, such as a per-user quota or disk space, has been exhausted."
        case 9: return "The system is not in a state required for the operation's execution."
        case 10: return "The operation was aborted, typically because of a concurrency issue."
        case 11: return "The operation was attempted past the valid range."
        case 12: return "The operation is not implemented, supported or enabled in this service."
        case 13: return "Internal error: an invariant expected by the underlying system has been broken."
        case 14: return "The service is currently unavailable; retrying with a backoff may succeed."
        case 15: return "Unrecoverable data loss or corruption."
        case 16: return "The request does not have valid authentication credentials for the operation."
        default: return nil
        }
    }
}

extension GRPCStatusCode {
    /// The HTTP status that corresponds to this code, for APIs that serve the same errors over HTTP.
    ///
    /// The mapping is the one `google/rpc/code.proto` gives for each code, as used by gRPC transcoding:
    ///
    /// | code | HTTP status |
    /// |---|---|
    /// | `OK` | 200 OK |
    /// | `CANCELLED` | 499 Client Closed Request |
    /// | `UNKNOWN`, `INTERNAL`, `DATA_LOSS` | 500 Internal Server Error |
    /// | `INVALID_ARGUMENT`, `FAILED_PRECONDITION`, `OUT_OF_RANGE` | 400 Bad Request |
    /// | `DEADLINE_EXCEEDED` | 504 Gateway Timeout |
    /// | `NOT_FOUND` | 404 Not Found |
    /// | `ALREADY_EXISTS`, `ABORTED` | 409 Conflict |
    /// | `PERMISSION_DENIED` | 403 Forbidden |
    /// | `UNAUTHENTICATED` | 401 Unauthorized |
    /// | `RESOURCE_EXHAUSTED` | 429 Too Many Requests |
    /// | `UNIMPLEMENTED` | 501 Not Implemented |
    /// | `UNAVAILABLE` | 503 Service Unavailable |
    ///
    /// Codes gRPC does not define map to 500 Internal Server Error. A gRPC client that reads an HTTP
    /// status without a `grpc-status` uses a different table: see ``init(fallbackFor:)``.
    ///
    /// https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto
    public var httpStatus: HTTPResponse.Status {
        switch self.rawValue {
        case 0: return .ok
        case 1: return HTTPResponse.Status(code: 499, reasonPhrase: "Client Closed Request")
        case 3, 9, 11: return .badRequest
        case 4: return .gatewayTimeout
        case 5: return .notFound
        case 6, 10: return .conflict
        case 7: return .forbidden
        case 8: return .tooManyRequests
        case 12: return .notImplemented
        case 14: return .serviceUnavailable
        case 16: return .unauthorized
        default: return .internalServerError  // 2 UNKNOWN, 13 INTERNAL, 15 DATA_LOSS, and undefined codes.
        }
    }

    /// Creates the status code a gRPC client reports for an HTTP response that carries no `grpc-status`.
    ///
    /// Such a response usually comes from an intermediary, such as a proxy or load balancer, rather than
    /// from a gRPC server. The mapping is the one in gRPC's HTTP to gRPC status code mapping:
    ///
    /// | HTTP status | code |
    /// |---|---|
    /// | 400 Bad Request | `INTERNAL` |
    /// | 401 Unauthorized | `UNAUTHENTICATED` |
    /// | 403 Forbidden | `PERMISSION_DENIED` |
    /// | 404 Not Found | `UNIMPLEMENTED` |
    /// | 429 Too Many Requests | `UNAVAILABLE` |
    /// | 431 Request Header Fields Too Large | `INTERNAL` |
    /// | 502 Bad Gateway, 503 Service Unavailable, 504 Gateway Timeout | `UNAVAILABLE` |
    /// | anything else, 200 included | `UNKNOWN` |
    ///
    /// This is not the inverse of ``httpStatus``, and the two must not be used as if it were: a server
    /// answers `NOT_FOUND` with 404, yet a client that sees a bare 404 reports `UNIMPLEMENTED`, because a
    /// 404 without `grpc-status` most likely means the path, and so the method, does not exist. The gRPC
    /// document says servers must not use this table to choose an HTTP status.
    ///
    /// https://github.com/grpc/grpc/blob/master/doc/http-grpc-status-mapping.md
    ///
    /// - Parameter status: The HTTP status of a response that has no `grpc-status`.
    public init(fallbackFor status: HTTPResponse.Status) {
        switch status.code {
        case 400, 431: self = .internalError
        case 401: self = .unauthenticated
        case 403: self = .permissionDenied
        case 404: self = .unimplemented
        case 429, 502, 503, 504: self = .unavailable
        default: self = .unknown
        }
    }
}

extension GRPCStatusCode: CustomStringConvertible {
    /// The canonical name and number, such as `NOT_FOUND (5)`, or the bare number, such as `42`.
    public var description: String {
        if let name = self.name {
            return "\(name) (\(self.rawValue))"
        } else {
            return String(self.rawValue)
        }
    }
}
