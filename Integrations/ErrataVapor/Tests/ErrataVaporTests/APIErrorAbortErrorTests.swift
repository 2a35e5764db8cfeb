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
                #expect(response.body.string == #"{"error":true,"reason":"Member 'q' not found."}"#)
            }
            try await app.testing().test(.GET, "/limited") { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers.first(name: .retryAfter) == "30")
            }
        }
    }
}
