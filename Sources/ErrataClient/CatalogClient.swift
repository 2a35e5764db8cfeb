public import Errata
public import HTTPTypes

/// How a client reads error responses and retries: the catalog's decoder, a ``RetryPolicy``, an optional shared
/// ``RetryBudget``, and the ``RetryEnvironment`` it waits in.
///
/// One value serves every HTTP library ErrataClient supports (`URLSession` here, AsyncHTTPClient in
/// `ErrataAsyncHTTPClient`, swift-openapi-generator clients in `ErrataOpenAPI`): build it once per API and share it.
///
/// ```swift
/// let client = CatalogClient(catalog: PluralKitErrors.catalog, retryPolicy: .default, budget: RetryBudget())
/// ```
public struct CatalogClient: Sendable {
    /// The decoder for the API's error responses.
    public var decoder: ErrorDecoder
    /// When to send a request again.
    public var retryPolicy: RetryPolicy
    /// The retries shared by every request made with this value, when bounded.
    public var budget: RetryBudget?
    /// How waits, time and jitter are taken.
    public var environment: RetryEnvironment

    /// Creates a client configuration.
    ///
    /// - Parameters:
    ///   - decoder: The decoder for the API's error responses.
    ///   - retryPolicy: When to send a request again; ``RetryPolicy/default`` unless given.
    ///   - budget: A budget shared by every request made with this value; none unless given.
    ///   - environment: How waits, time and jitter are taken; ``RetryEnvironment/live`` unless given.
    public init(
        decoder: ErrorDecoder,
        retryPolicy: RetryPolicy = .default,
        budget: RetryBudget? = nil,
        environment: RetryEnvironment = .live
    ) {
        self.decoder = decoder
        self.retryPolicy = retryPolicy
        self.budget = budget
        self.environment = environment
    }

    /// Creates a client configuration with a decoder for `catalog`.
    public init(
        catalog: ErrorCatalog,
        retryPolicy: RetryPolicy = .default,
        budget: RetryBudget? = nil,
        environment: RetryEnvironment = .live
    ) {
        self.init(
            decoder: ErrorDecoder(catalog: catalog),
            retryPolicy: retryPolicy,
            budget: budget,
            environment: environment
        )
    }

    /// Whether a status is an error response: 400 and over. Redirects are not (URLSession and AsyncHTTPClient
    /// follow them, and a 304 answers a conditional request); neither are 1xx.
    public static func isError(_ status: HTTPResponse.Status) -> Bool {
        status.code >= 400
    }

    /// Decodes an error response against the catalog.
    public func error(
        status: HTTPResponse.Status,
        headerFields: HTTPFields,
        body: [UInt8],
        attempts: Int = 1
    ) -> CatalogResponseError {
        let decoded = decoder.decode(status: status, headerFields: headerFields, body: body, now: environment.now())
        return CatalogResponseError(status: status, headerFields: headerFields, decoded: decoded, attempts: attempts)
    }

    /// The most body bytes worth reading from an error response: one past the decoder's limit, so that an oversized
    /// body is still seen as one.
    public var maximumErrorBodySize: Int { decoder.limits.maximumBodySize + 1 }

    /// Sends a request until it succeeds, fails in a way the policy does not retry, or the attempts run out.
    ///
    /// Each attempt returns its success, or throws a ``CatalogResponseError`` for an error response, or any other
    /// error for a failure without a response. The last failure is rethrown. Cancellation ends the loop: before an
    /// attempt and during a wait, `CancellationError` is thrown.
    ///
    /// - Parameters:
    ///   - request: The request's method and header fields, for the idempotency rule.
    ///   - isReplayable: Whether the request can be sent again (its body is not a one-shot stream).
    ///   - attempt: Sends the request once; its argument is the attempt's number, from 1.
    /// - Returns: The first success.
    public func execute<Success: Sendable>(
        _ request: HTTPRequest,
        isReplayable: Bool = true,
        attempt: (Int) async throws -> Success
    ) async throws -> Success {
        budget?.deposit()
        var number = 1
        while true {
            try Task.checkCancellation()
            let failure: RetryFailure
            // The error as thrown, to rethrow when it needs no change: throwing the value again would box it again.
            let thrown: any Error
            do {
                return try await attempt(number)
            } catch {
                // One cast for the common case, an error response; a cancellation is checked only when it is not one.
                if var response = error as? CatalogResponseError {
                    if response.attempts == number {
                        thrown = error
                    } else {
                        response.attempts = number
                        thrown = response
                    }
                    failure = .response(response)
                } else {
                    if error is CancellationError || Task.isCancelled { throw CancellationError() }
                    thrown = error
                    failure = .transport(error)
                }
            }
            var decision = retryPolicy.decision(
                after: failure,
                attempt: isReplayable ? number : retryPolicy.maximumAttempts,
                request: request,
                jitter: environment.random
            )
            if decision.isRetry, let budget, !budget.withdraw() { decision = .stop(.budgetExhausted) }
            guard let delay = decision.delay else { throw thrown }
            if delay > .zero { try await environment.sleep(delay) }
            number += 1
        }
    }
}
