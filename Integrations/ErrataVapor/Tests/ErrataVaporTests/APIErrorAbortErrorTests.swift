import Errata
import ErrataVapor
import Testing
import Vapor
import VaporTesting

/// An `APIError` under Vapor's own `ErrorMiddleware`, with no ErrataVapor middleware installed.
@Suite struct APIErrorAbortErrorTests {
    @Test func anAPIErrorKeepsItsStatusAndMessageUnderVaporsErrorMiddleware() async throws {
        let catalog = try ErrataErrorMiddlewareTests.catalog("pluralkit")
        try await withApp { app in
            app.get("members", ":memberRef") { request -> String in
                throw try APIError(
                    "MemberRefNotFound",
                    in: catalog,
                    parameters: ["memberRef": request.parameters.get("memberRef") ?? ""]
                )
            }
            app.get("limited") { _ -> String in
                throw try APIError("TooManyRequests", in: catalog, retryAfter: .seconds(30))
            }
            try await app.testing().test(.GET, "/members/q") { response in
                #expect(response.status == .notFound)
                // Vapor's ErrorMiddleware encodes with JSONEncoder, whose member order is not stable on Linux:
                // compare the members, not the bytes.
                let body = try JSONDecoder().decode(VaporErrorBody.self, from: Data(response.body.readableBytesView))
                #expect(body == VaporErrorBody(error: true, reason: "Member 'q' not found."))
            }
            try await app.testing().test(.GET, "/limited") { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers.first(name: .retryAfter) == "30")
            }
        }
    }
}

/// The body Vapor's `ErrorMiddleware` writes: `{"error": true, "reason": …}`.
private struct VaporErrorBody: Decodable, Equatable {
    var error: Bool
    var reason: String
}
