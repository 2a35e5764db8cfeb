import Errata
import ErrataHummingbird
import ErrataResponder
import HTTPTypes
import Hummingbird
import NIOCore

extension ErrataServer {
    /// The longest `flaky` sequence of failures.
    public static let maximumFlakyFailures = 100

    /// `/mock/{catalog}/flaky?key=K&fail=…&then=…`: the requests that carry one `key` get a sequence of answers,
    /// failures first, so that a client's retries can be tested against it.
    ///
    /// - `fail=N` fails the first N requests with the `code=` entry (by default the catalog's one 429 entry, else
    ///   its one 503); `fail=TooManyRequests,drop-before-headers,ServiceUnavailable` names each failure: an entry
    ///   by name or code, or a ``MockFault`` (sent with the `code=` entry's body).
    /// - `then=200` (the default) answers the rest with that 2xx or 3xx status and `{"attempt":N}`; `then=NAME`
    ///   with an entry.
    /// - Every answer says its place in the sequence in `Errata-Attempt`. The query's `retryAfter`, `requestID`
    ///   and parameters fill the failures, as on any mock route.
    ///
    /// Sequences are kept per catalog and key (at most ``MockState/capacity`` keys), so parallel tests with their
    /// own keys do not interfere.
    func flaky(
        _ request: Request,
        _ context: ServeRequestContext,
        mock: MockCatalog,
        query: MockQuery
    ) async throws -> Response {
        let catalog = mock.catalog
        guard let key = query.key, !key.isEmpty else {
            throw ServeErrors.error(
                "InvalidQuery",
                ["problem": "flaky needs key=K, so that each test's sequence is its own"]
            )
        }
        let steps = try flakySteps(query.fail ?? "1", code: query.code, in: catalog)
        let outcome = query.then ?? "200"
        var success: HTTPResponse.Status?
        var then: ErrorEntry?
        if let code = Int(outcome), (200...399).contains(code) {
            success = HTTPResponse.Status(code: code)
        } else if Int(outcome) != nil {
            throw ServeErrors.error("InvalidQuery", ["problem": "then=\(outcome) is no 2xx or 3xx status nor an entry"])
        } else {
            then = try Self.resolve(outcome, in: catalog)
        }
        let attempt = state.nextAttempt(catalog.id + "\u{0}" + key)
        let responder = mock.responder
        var response: Response
        if attempt <= steps.count {
            let step = steps[attempt - 1]
            response = responder.response(
                for: try occurrence(of: step.entry, in: mock, query: query),
                request: request,
                logger: context.logger,
                requestID: nil
            )
            if let fault = step.fault {
                let faults = MockFaults(fault: fault, latency: nil, seed: nil, interval: 20)
                response = try await deliver(response, faults, context: context)
            }
        } else if let then {
            response = responder.response(
                for: try occurrence(of: then, in: mock, query: query),
                request: request,
                logger: context.logger,
                requestID: nil
            )
        } else {
            response = Response(
                status: success!,
                headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"attempt":\#(attempt)}"#))
            )
        }
        response.headers[.errataAttempt] = String(attempt)
        return response
    }

    private struct FlakyStep {
        var entry: ErrorEntry
        var fault: MockFault?
    }

    private func flakySteps(_ fail: String, code: String?, in catalog: ErrorCatalog) throws -> [FlakyStep] {
        func defaultEntry() throws -> ErrorEntry {
            if let code { return try Self.resolve(code, in: catalog) }
            for status in [429, 503] {
                let entries = catalog.entries.filter { $0.status?.code == status && $0.origin == .server }
                if entries.count == 1 { return entries[0] }
            }
            throw ServeErrors.error(
                "InvalidQuery",
                ["problem": "catalog '\(catalog.id)' has no single 429 or 503 entry; name the failure with code=NAME"]
            )
        }
        if let count = Int(fail) {
            guard (0...Self.maximumFlakyFailures).contains(count) else {
                throw ServeErrors.error(
                    "InvalidQuery",
                    ["problem": "fail=\(count) is not a count in 0...\(Self.maximumFlakyFailures)"]
                )
            }
            let entry = try defaultEntry()
            return Array(repeating: FlakyStep(entry: entry), count: count)
        }
        let items = fail.split(separator: ",").map(String.init)
        guard items.count <= Self.maximumFlakyFailures else {
            throw ServeErrors.error(
                "InvalidQuery",
                ["problem": "fail= lists \(items.count) failures, over the limit of \(Self.maximumFlakyFailures)"]
            )
        }
        return try items.map { item in
            if let fault = MockFault(name: item) { return FlakyStep(entry: try defaultEntry(), fault: fault) }
            return FlakyStep(entry: try Self.resolve(item, in: catalog))
        }
    }
}
