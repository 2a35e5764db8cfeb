import HTTPTypes
import Testing

@testable import ErrataHummingbird

/// The middleware finds a route's operation by a key made from Hummingbird's endpoint path; the fast key must be
/// the one the catalog's route makes.
@Suite struct RoutePatternTests {
    @Test(arguments: [
        "/", "", "//", "/members", "/members/", "/members/:memberRef", "/members/{memberRef}", "members/:id/groups",
        "/systems/*/members", "/a//b", "/files/**", "/{x}/:y/*/z/", "/ünïcode/:ref",
    ])
    func fastKeyIsThePatternsKey(_ path: String) {
        for method in [HTTPRequest.Method.get, .post, .delete] {
            #expect(RoutePattern.key(method: method, path: path) == RoutePattern(method: method, path: path).key)
        }
    }

    @Test func catalogRouteAndHummingbirdEndpointMeet() {
        let catalog = RoutePattern("GET /members/{memberRef}/groups")!
        #expect(RoutePattern.key(method: .get, path: "/members/:ref/groups") == catalog.key)
        #expect(RoutePattern.key(method: .post, path: "/members/:ref/groups") != catalog.key)
        #expect(catalog.matchesPath("/members/abc/groups"))
        #expect(!catalog.matchesPath("/members/abc"))
    }
}
