import HTTPTypes
import Testing

@testable import ErrataResponder

/// The responder keeps the operation each matched route answers for; what it keeps must be what walking the
/// operations finds, the first time and every time after, and past its bound.
@Suite struct OperationIndexTests {
    static func walk(_ responder: CatalogErrorResponder, _ endpoint: String, _ method: HTTPRequest.Method) -> Int? {
        responder.operations.firstIndex { $0.route.method == method && $0.route.matchesEndpoint(endpoint) }
    }

    @Test func keptAnswersAreTheWalksAnswers() throws {
        let responder = try CatalogErrorResponder(catalog: try ErrataMiddlewareTests.catalog("pluralkit"))
        let endpoints = [
            "/members/:memberRef", "/groups/:groupRef", "/systems/:systemRef/switches", "/members/:ref/groups",
            "/systems/:systemRef/switches/:switchRef", "/nowhere", "/", "/members",
        ]
        let methods: [HTTPRequest.Method] = [.get, .post, .patch, .delete]
        // Some do answer for an operation (GET /members/:memberRef is GetMember), some do not.
        #expect(Self.walk(responder, "/members/:memberRef", .get) != nil)
        #expect(Self.walk(responder, "/nowhere", .get) == nil)
        for _ in 0..<3 {
            for endpoint in endpoints {
                for method in methods {
                    let expected = Self.walk(responder, endpoint, method)
                    #expect(
                        responder.operationIndex(endpoint: endpoint, method: method) == expected,
                        "\(method) \(endpoint)"
                    )
                }
            }
        }
    }

    @Test func pastItsBoundItStillAnswersRight() throws {
        let responder = try CatalogErrorResponder(catalog: try ErrataMiddlewareTests.catalog("pluralkit"))
        let count = CatalogErrorResponder.maximumCachedEndpoints + 10
        for number in 0..<count {
            #expect(responder.operationIndex(endpoint: "/generated/\(number)", method: .get) == nil)
        }
        // Not kept (the bound is reached), so found by walking: still right.
        let index = responder.operationIndex(endpoint: "/members/:memberRef", method: .get)
        #expect(index != nil && index == Self.walk(responder, "/members/:memberRef", .get))
    }
}
