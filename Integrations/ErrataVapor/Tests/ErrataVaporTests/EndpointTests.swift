import Testing
import Vapor

@testable import ErrataVapor

/// The path a route's operation is looked up by: Vapor's path components written as the responder matches them.
@Suite struct EndpointTests {
    @Test(
        arguments: [
            ([], "/"),
            (["members"], "/members"),
            (["members", ":memberRef"], "/members/:memberRef"),
            (["systems", ":systemRef", "members", ":memberRef"], "/systems/:systemRef/members/:memberRef"),
            (["files", "*", "raw"], "/files/*/raw"),
            (["static", "**"], "/static/**"),
        ] as [([String], String)]
    )
    func aRoutesPathIsWrittenAsTheResponderMatchesIt(components: [String], expected: String) {
        // `PathComponent(stringLiteral:)` is how Vapor reads `app.get("members", ":memberRef")`.
        let path = components.map { PathComponent(stringLiteral: $0) }
        #expect(ErrataErrorMiddleware.endpoint(path) == expected)
    }
}
