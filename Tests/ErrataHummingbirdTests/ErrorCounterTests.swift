import Errata
import HTTPTypes
import Logging
import MetricsTestKit
import Testing

@_spi(ErrataIntegration) @testable import ErrataResponder

/// The responder finds a rendered error's counter by its entry's identity, with a name lookup only for entries of
/// no catalog it knows: each way must count the error under its own name and status, once.
@Suite struct ErrorCounterTests {
    static let request = ResponderRequest(method: .get, path: "/x", accept: nil, endpoint: nil)

    static func count(_ metrics: TestMetrics, _ name: String, _ status: Int) throws -> Int64 {
        try metrics.expectCounter(
            "errata_errors_total",
            [("catalog", "pluralkit"), ("name", name), ("status", String(status))]
        ).totalValue
    }

    @Test func everyRenderedErrorCountsUnderItsOwnEntry() throws {
        let metrics = TestMetrics()
        let catalog = try ErrataMiddlewareTests.catalog("pluralkit")
        let responder = try CatalogErrorResponder(catalog: catalog, metricsFactory: metrics)
        var logger = Logger(label: "test")
        logger.logLevel = .critical  // The internal errors would be logged; counting is what is tested.
        func record(_ rendered: RenderedError, times: Int = 1) {
            for _ in 0..<times {
                responder.record(
                    rendered,
                    error: CancellationError(),
                    logger: logger,
                    requestID: nil,
                    request: Self.request
                )
            }
        }

        // A catalog entry, by position (two entries, so that one position cannot stand for every entry).
        let memberRef = try APIError("MemberRefNotFound", in: catalog, parameters: ["memberRef": "x"])
        record(responder.primary.render(memberRef), times: 3)
        record(responder.primary.render(try APIError("GroupNotFound", in: catalog)))
        // The internal error, for an error that is not a catalog error.
        record(responder.primary.render(CancellationError()), times: 2)
        // A per-status problem, by position in the status problems' catalog.
        record(responder.statusProblems.render(try APIError("Status418", in: responder.statusProblems.catalog)))
        // An occurrence of the same entry built on its own, outside any catalog: found by name.
        let loose = APIError(unchecked: try #require(catalog.entries.first { $0.name == "GroupNotFound" }))
        record(responder.primary.render(loose))

        #expect(try Self.count(metrics, "MemberRefNotFound", 404) == 3)
        #expect(try Self.count(metrics, "GroupNotFound", 404) == 2)
        #expect(try Self.count(metrics, "InternalServerError", 500) == 2)
        #expect(try Self.count(metrics, "Status418", 418) == 1)
    }
}
