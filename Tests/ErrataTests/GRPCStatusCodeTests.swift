import Errata
import HTTPTypes
import Testing

@Suite struct GRPCStatusCodeTests {
    /// grpc/grpc doc/statuscodes.md, with the HTTP status google/rpc/code.proto gives each code.
    static let codes: [(code: GRPCStatusCode, number: Int, name: String, httpStatus: Int)] = [
        (.ok, 0, "OK", 200),
        (.cancelled, 1, "CANCELLED", 499),
        (.unknown, 2, "UNKNOWN", 500),
        (.invalidArgument, 3, "INVALID_ARGUMENT", 400),
        (.deadlineExceeded, 4, "DEADLINE_EXCEEDED", 504),
        (.notFound, 5, "NOT_FOUND", 404),
        (.alreadyExists, 6, "ALREADY_EXISTS", 409),
        (.permissionDenied, 7, "PERMISSION_DENIED", 403),
        (.resourceExhausted, 8, "RESOURCE_EXHAUSTED", 429),
        (.failedPrecondition, 9, "FAILED_PRECONDITION", 400),
        (.aborted, 10, "ABORTED", 409),
        (.outOfRange, 11, "OUT_OF_RANGE", 400),
        (.unimplemented, 12, "UNIMPLEMENTED", 501),
        (.internalError, 13, "INTERNAL", 500),
        (.unavailable, 14, "UNAVAILABLE", 503),
        (.dataLoss, 15, "DATA_LOSS", 500),
        (.unauthenticated, 16, "UNAUTHENTICATED", 401),
    ]

    @Test(arguments: Self.codes)
    func constantsMatchTheGRPCTable(code: GRPCStatusCode, number: Int, name: String, httpStatus: Int) {
        #expect(code.rawValue == number)
        #expect(code == GRPCStatusCode(rawValue: number))
        #expect(code.name == name)
        #expect(code.description == "\(name) (\(number))")
        #expect(code.meaning?.isEmpty == false)
    }

    @Test(arguments: Self.codes)
    func httpStatusFollowsCodeProto(code: GRPCStatusCode, number: Int, name: String, httpStatus: Int) {
        #expect(code.httpStatus.code == httpStatus)
    }

    @Test func cancelledMapsToClientClosedRequest() {
        #expect(GRPCStatusCode.cancelled.httpStatus.reasonPhrase == "Client Closed Request")
    }

    @Test(arguments: [-1, 17, 42, Int.max, Int.min])
    func undefinedCodesStayValidAndPrintAsTheBareNumber(number: Int) {
        let code = GRPCStatusCode(rawValue: number)
        #expect(code.rawValue == number)
        #expect(code.name == nil)
        #expect(code.meaning == nil)
        #expect(code.description == String(number))
        #expect(code.httpStatus == .internalServerError)
        #expect(!GRPCStatusCode.all.contains(code))
    }

    @Test func allListsCodesZeroThroughSixteenInOrder() {
        #expect(GRPCStatusCode.all.map(\.rawValue) == Array(0...16))
        #expect(GRPCStatusCode.all == Self.codes.map(\.code))
        #expect(Set(GRPCStatusCode.all.compactMap(\.meaning)).count == 17)
    }

    @Test(arguments: Self.codes)
    func nameRoundTrips(code: GRPCStatusCode, number: Int, name: String, httpStatus: Int) {
        #expect(GRPCStatusCode(name: name) == code)
        #expect(GRPCStatusCode(name: name.lowercased()) == code)
    }

    @Test(arguments: [
        ("NOT_FOUND", GRPCStatusCode.notFound),
        ("not_found", .notFound),
        ("Not_Found", .notFound),
        ("internal", .internalError),
        ("Ok", .ok),
    ])
    func nameIgnoresASCIICase(name: String, code: GRPCStatusCode) {
        #expect(GRPCStatusCode(name: name) == code)
    }

    @Test(arguments: [
        "", "not-found", "NotFound", "NOTFOUND", " NOT_FOUND", "NOT_FOUND ", "INTERNAL_ERROR", "5", "ınternal",
    ])
    func nameRejectsOtherSpellings(name: String) {
        #expect(GRPCStatusCode(name: name) == nil)
    }

    /// grpc/grpc doc/http-grpc-status-mapping.md, for responses that carry no grpc-status.
    static let fallbacks: [(httpStatus: Int, code: GRPCStatusCode)] = [
        (400, .internalError),
        (401, .unauthenticated),
        (403, .permissionDenied),
        (404, .unimplemented),
        (429, .unavailable),
        (431, .internalError),
        (502, .unavailable),
        (503, .unavailable),
        (504, .unavailable),
    ]

    @Test(arguments: Self.fallbacks)
    func fallbackFollowsTheHTTPToGRPCTable(httpStatus: Int, code: GRPCStatusCode) {
        #expect(GRPCStatusCode(fallbackFor: HTTPResponse.Status(code: httpStatus)) == code)
    }

    @Test(arguments: [100, 200, 204, 301, 304, 402, 405, 409, 499, 500, 501, 505, 599])
    func fallbackForAnyOtherStatusIsUnknown(httpStatus: Int) {
        #expect(GRPCStatusCode(fallbackFor: HTTPResponse.Status(code: httpStatus)) == .unknown)
    }

    @Test func fallbackIsNotTheInverseOfHTTPStatus() {
        // A server answers NOT_FOUND with 404, but a client that sees a bare 404 reports UNIMPLEMENTED.
        #expect(GRPCStatusCode.notFound.httpStatus == .notFound)
        #expect(GRPCStatusCode(fallbackFor: .notFound) == .unimplemented)
        // OK is 200, yet a 200 without grpc-status is UNKNOWN.
        #expect(GRPCStatusCode.ok.httpStatus == .ok)
        #expect(GRPCStatusCode(fallbackFor: .ok) == .unknown)

        let roundTripped = GRPCStatusCode.all.filter { GRPCStatusCode(fallbackFor: $0.httpStatus) == $0 }
        #expect(roundTripped == [.unknown, .permissionDenied, .unavailable, .unauthenticated])
    }
}
