import HTTPTypes
import Testing

@testable import ErrataResponder

/// The middleware finds a route's operation by matching Hummingbird's endpoint path against the catalog's routes,
/// without building a pattern from the path; the match must be the one the built pattern gives.
@Suite struct RoutePatternTests {
    static let paths = [
        "/", "", "//", "/members", "/members/", "/members/:memberRef", "/members/{memberRef}", "members/:id/groups",
        "/systems/*/members", "/a//b", "/files/**", "/{x}/:y/*/z/", "/ünïcode/:ref", "/members/:memberRef/groups",
        "/systems/:id/members",
    ]

    /// Every pattern against every endpoint: `matchesEndpoint` is exactly "the patterns' components are equal".
    @Test func matchingAnEndpointIsComparingComponents() {
        for patternPath in Self.paths {
            let pattern = RoutePattern(method: .get, path: patternPath)
            for endpoint in Self.paths {
                let expected = pattern.components == RoutePattern(method: .get, path: endpoint).components
                #expect(pattern.matchesEndpoint(endpoint) == expected, "\(patternPath) against \(endpoint)")
            }
        }
    }

    @Test func catalogRouteAndHummingbirdEndpointMeet() {
        let catalog = RoutePattern("GET /members/{memberRef}/groups")!
        #expect(catalog.matchesEndpoint("/members/:ref/groups"))
        #expect(catalog.matchesEndpoint("/members/*/groups"))
        #expect(!catalog.matchesEndpoint("/members/abc/groups"))
        #expect(!catalog.matchesEndpoint("/members/:ref"))
        #expect(!catalog.matchesEndpoint("/members/:ref/groups/:id"))
        #expect(catalog.matchesPath("/members/abc/groups"))
        #expect(!catalog.matchesPath("/members/abc"))
    }
}
