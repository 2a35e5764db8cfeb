import Errata
import ErrataCatalogs
import ErrataClient
import ErrataTools
import HTTPTypes
import Testing

/// The catalogs the client tests use: a small one with every retry rule, and the bundled ones.
enum TestCatalogs {
    static let retryYAML = #"""
        errata: 1
        id: shop
        title: Shop API
        version: "1.0.0"
        docs: "https://example.com/errors#{name}"
        envelope:
          format: json
          body: { code: "{code}", message: "{message}", retry_in: "{retryAfterSeconds?}" }
        codes:
          - { name: OutOfStock, code: 1, status: 409, title: Out of stock, message: "Out of stock." }
          - { name: Throttled, code: 2, status: 429, title: Slow down, message: "Slow down.", retry: after }
          - { name: LostRace, code: 3, status: 409, title: Lost a race, message: "Try again.", retry: immediately }
          - { name: Down, code: 4, status: 503, title: Down, message: "Down for maintenance." }
        """#

    static func load(_ yaml: String) throws -> ErrorCatalog {
        let loaded = CatalogLoader().load(text: yaml, path: "test.errata.yaml")
        return try #require(loaded.catalog, "\(loaded.diagnostics.filter { $0.severity == .error })")
    }

    static func bundled(_ id: String) throws -> ErrorCatalog {
        let path = try #require(BundledCatalogs.path(forID: id))
        let loaded = CatalogLoader().load(path: path)
        return try #require(loaded.catalog, "\(loaded.diagnostics)")
    }

    static func headers(_ fields: [(String, String)]) -> HTTPFields {
        var headers = HTTPFields()
        for (name, value) in fields { headers.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
        return headers
    }
}
