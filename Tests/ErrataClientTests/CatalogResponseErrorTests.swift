import Errata
import ErrataClient
import HTTPTypes
import Testing

/// ``CatalogResponseError`` keeps its response behind one shared reference; copies must still behave as values.
@Suite struct CatalogResponseErrorTests {
    static func outOfStock() throws -> CatalogResponseError {
        let client = CatalogClient(catalog: try TestCatalogs.load(TestCatalogs.retryYAML))
        return client.error(
            status: .conflict,
            headerFields: TestCatalogs.headers([("X-Request-Id", "r-1")]),
            body: Array(#"{"code":1,"message":"Out of stock."}"#.utf8)
        )
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        let original = try Self.outOfStock()
        var copy = original
        copy.status = .serviceUnavailable
        copy.headerFields[.contentType] = "text/html"
        copy.decoded.message = "changed"
        copy.attempts = 3

        #expect(original.status == .conflict)
        #expect(original.headerFields[.contentType] == nil)
        #expect(original.headerFields[HTTPField.Name("X-Request-Id")!] == "r-1")
        #expect(original.decoded.message == "Out of stock.")
        #expect(original.attempts == 1)

        #expect(copy.status == .serviceUnavailable)
        #expect(copy.headerFields[.contentType] == "text/html")
        #expect(copy.decoded.message == "changed")
        #expect(copy.attempts == 3)
        // What was not changed is the same in both.
        #expect(copy.headerFields[HTTPField.Name("X-Request-Id")!] == "r-1")
        #expect(copy.body == original.body)
        #expect(original.entry?.name == "OutOfStock")
        #expect(copy.entry?.name == "OutOfStock")
    }

    @Test func anErrorChangedAloneKeepsEveryChange() throws {
        var error = try Self.outOfStock()
        error.decoded.message = "first"
        error.decoded.message! += ", then more"
        error.status = .gone
        #expect(error.decoded.message == "first, then more")
        #expect(error.status == .gone)
        #expect(error.description.hasPrefix("HTTP 410"))
    }

    @Test func aThrownAndCaughtErrorIsTheSameResponse() throws {
        let thrown = try Self.outOfStock()
        do {
            throw thrown
        } catch var caught as CatalogResponseError {
            caught.attempts = 2
            #expect(caught.decoded.message == thrown.decoded.message)
            #expect(caught.status == thrown.status)
            #expect(caught.attempts == 2)
            #expect(thrown.attempts == 1)
        }
    }
}
