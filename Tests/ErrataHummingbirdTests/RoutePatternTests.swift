import HTTPTypes
import Testing

@testable import ErrataHummingbird

/// The middleware finds a route's operation by a key made from Hummingbird's endpoint path; the fast key must be
/// the one the catalog's route makes.
@Suite struct RoutePatternTests {
    static let paths = [
        "/", "", "//", "/members", "/members/", "/members/:memberRef", "/members/{memberRef}", "members/:id/groups",
        "/systems/*/members", "/a//b", "/files/**", "/{x}/:y/*/z/", "/ünïcode/:ref", "/members/:memberRef/groups",
        "/systems/:id/members",
    ]

    /// Every pattern against every endpoint: `matchesEndpoint` is exactly "the keys are equal".
    @Test func matchingAnEndpointIsComparingKeys() {
        for patternPath in Self.paths {
            let pattern = RoutePattern(method: .get, path: patternPath)
            for endpoint in Self.paths {
                let expected = pattern.key == RoutePattern(method: .get, path: endpoint).key
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
