import Benchmark
import Errata
import ErrataTools
import Foundation
import HTTPTypes
import NIOCore

// Rendering and decoding against the baselines they are measured by, in one suite so that every ratio comes from
// the same run: copying a precomputed body of the same size, and Foundation's JSONEncoder and JSONDecoder on the
// equivalent Codable struct.
//
// Each sample runs its operation 1,000 times (`scalingFactor: .kilo`), so the clocks are read far less often than
// the operation runs; the default output divides by 1,000, giving per-operation numbers.
//
// Allocation counts are deterministic, so the renderer's and decoder's are gated: `Thresholds/6.3/` holds their p90
// counts per sample (1,000 operations), checked with
// `swift package --disable-sandbox benchmark thresholds check --target ErrataBenchmarks --path Thresholds/6.3`
// and re-recorded with
// `swift package --disable-sandbox --allow-writing-to-package-directory benchmark thresholds update
// --target ErrataBenchmarks --path Thresholds/6.3 --metric mallocCountTotal --filter '(ErrorRenderer|ErrorDecoder).*'`.
// (`--target`: without it the plugin starts ErrataLoadServer as a benchmark too.)
// Time is reported, not gated. The baselines are not gated: their counts belong to Foundation.

// MARK: - Fixtures

/// A small RFC 9457 catalog: a static entry, an entry with two parameters, one with field errors, and four 403s
/// told apart only by their messages (as BatchData's are).
let catalogText = #"""
    errata: 1
    id: shop
    title: Shop API
    version: "1.0.0"
    docs: "https://example.com/e/{name}"

    envelope:
      format: problem

    codes:
      - name: Unauthorized
        status: 401
        title: Unauthorized
        message: "Sign in to continue."
        headers: { WWW-Authenticate: "Bearer" }

      - name: QuotaExceeded
        status: 429
        title: Quota exceeded
        message: "Account '{account}' used all {limit} calls."
        params:
          account: { type: string, description: The account id. }
          limit: { type: string, description: The plan's request quota. }
        retry: after

      - name: ValidationFailed
        status: 422
        title: Validation failed
        message: "The request has invalid fields."
        fields: true

      - name: AccountDisabled
        status: 403
        title: Forbidden
        message: "Account is disabled"

      - name: TokenDisabled
        status: 403
        title: Forbidden
        message: "Token is disabled"

      - name: FeatureNotInPlan
        status: 403
        title: Forbidden
        message: "Plan '{plan}' does not include {feature}."
        params:
          plan: { type: string, description: The account's plan. }
          feature: { type: string, description: The feature asked for. }

      - name: ScopeMissing
        status: 403
        title: Forbidden
        message: "Token lacks scope '{scope}' for {feature}."
        params:
          scope: { type: string, description: The scope the token lacks. }
          feature: { type: string, description: The feature asked for. }
    """#

let catalog: ErrorCatalog = {
    let result = CatalogLoader().load(text: catalogText, path: "shop.errata.yaml")
    guard let catalog = result.catalog, !result.hasErrors else {
        let diagnostics = result.diagnostics.map(\.description).joined(separator: "\n")
        fatalError("the benchmark catalog does not load:\n\(diagnostics)")
    }
    return catalog
}()

let renderer: ErrorRenderer = {
    do {
        return try ErrorRenderer(catalog: catalog)
    } catch {
        fatalError("\(error)")
    }
}()

let decoder = ErrorDecoder(catalog: catalog)

/// Seed 001's API, PluralKit: a JSON envelope (`{"code":20003,"message":"Member 'abcde' not found."}`), loaded from
/// the bundled catalog file.
let pluralKit: ErrorCatalog = {
    let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Catalogs/pluralkit.errata.yaml").path
    let result = CatalogLoader().load(path: path)
    guard let catalog = result.catalog, !result.hasErrors else {
        fatalError("\(path) does not load:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
    }
    return catalog
}()

let pluralKitRenderer: ErrorRenderer = {
    do {
        return try ErrorRenderer(catalog: pluralKit)
    } catch {
        fatalError("\(error)")
    }
}()

let memberRef = "abcde"
let memberRefError: APIError = {
    do {
        return try APIError("MemberRefNotFound", in: pluralKit, parameters: ["memberRef": memberRef])
    } catch {
        fatalError("\(error)")
    }
}()
let memberRefBody: [UInt8] = pluralKitRenderer.body(for: memberRefError)

/// PluralKit's envelope as a Codable struct.
struct PluralKitError: Codable {
    var code: Int
    var message: String
}

/// A full response as the Hummingbird adapter builds it: status and header fields, and the body written once into
/// scratch space and copied into a `ByteBuffer` of its size (a static body is copied into it).
@inline(__always)
func responseParts(_ rendered: RenderedError) -> (HTTPResponse.Status, HTTPFields, ByteBuffer) {
    let buffer = rendered.withUnsafeBodyBytes { ByteBuffer(bytes: $0) }
    return (rendered.status, rendered.headerFields, buffer)
}

func occurrence(
    _ name: String,
    parameters: [String: String] = [:],
    fieldErrors: [FieldError] = [],
    instance: String? = nil
) -> APIError {
    do {
        return try APIError(name, in: catalog, parameters: parameters, fieldErrors: fieldErrors, instance: instance)
    } catch {
        fatalError("\(error)")
    }
}

/// Nothing varies: the renderer hands out the body it precomputed.
let staticError = occurrence("Unauthorized")

/// Two parameters in the message, and an `instance`: 156 bytes of body.
let account = "acme"
let limit = "5000"
let requestPath = "/req/8d2f01"
let templatedError = occurrence(
    "QuotaExceeded",
    parameters: ["account": account, "limit": limit],
    instance: requestPath
)

let fieldErrorsError = occurrence(
    "ValidationFailed",
    fieldErrors: [
        FieldError(field: "name", message: "must not be empty"),
        FieldError(field: "email", message: "is not an email address"),
        FieldError(field: "age", message: "must be at least 18"),
    ]
)

let templatedResponse = renderer.render(templatedError)

/// The templated body, as the copy baseline copies and the decoders read it.
let templatedBody: [UInt8] = templatedResponse.body
let templatedBodyData = Data(templatedBody)

/// A 403 that only its message template tells apart from the three other 403s.
let templateMatchResponse = renderer.render(
    occurrence("FeatureNotInPlan", parameters: ["plan": "starter", "feature": "webhooks"])
)

/// The problem body as a Codable struct: what a hand-written server would encode and a client decode.
struct Problem: Codable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
}

/// Stops the run when a fixture is not what a benchmark's name says (`precondition` prints no message in release).
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// Checks that each benchmark measures what its name says, before any is run.
func checkFixtures() {
    let staticBody = renderer.body(for: staticError)
    let staticDecoded = decoder.decode(status: .unauthorized, body: staticBody)
    check(staticDecoded.name == "Unauthorized", "the static body decodes as \(staticDecoded.name ?? "nothing")")
    let fieldErrorsBody = renderer.body(for: fieldErrorsError)
    let fieldErrorsDecoded = decoder.decode(status: .init(code: 422), body: fieldErrorsBody)
    check(
        fieldErrorsDecoded.fieldErrors.map { [$0.field, $0.message] }
            == fieldErrorsError.fieldErrors.map { [$0.field, $0.message] },
        "the field errors decode as \(fieldErrorsDecoded.fieldErrors)"
    )
    let body = String(decoding: templatedBody, as: UTF8.self)
    check(templatedBody.count == 156, "the templated body is \(templatedBody.count) bytes, not 156: \(body)")
    let decoded = decoder.decode(
        status: templatedResponse.status,
        headerFields: templatedResponse.headerFields,
        body: templatedBody
    )
    check(decoded.name == "QuotaExceeded", "the templated body decodes as \(decoded.name ?? "nothing")")
    check(decoded.parameters == templatedError.parameters, "parameters: \(decoded.parameters)")
    let matched = decoder.decode(
        status: templateMatchResponse.status,
        headerFields: templateMatchResponse.headerFields,
        body: templateMatchResponse.body
    )
    check(matched.name == "FeatureNotInPlan", "the 403 decodes as \(matched.name ?? "nothing")")
    check(matched.parameters == ["plan": "starter", "feature": "webhooks"], "\(matched.parameters)")
    let pluralKitText = String(decoding: memberRefBody, as: UTF8.self)
    check(pluralKitText == #"{"code":20003,"message":"Member 'abcde' not found."}"#, "PluralKit's body: \(pluralKitText)")
    let written = responseParts(renderer.render(templatedError)).2
    check(Array(written.readableBytesView) == templatedBody, "the ByteBuffer holds \(written.readableBytes) bytes")
    let problem = try? JSONDecoder().decode(Problem.self, from: templatedBodyData)
    check(problem?.detail == templatedError.message, "JSONDecoder reads \(String(describing: problem))")
}

// MARK: - Configuration

/// CPU time of the benchmark thread, per operation. `.cpuTotal` reads the process's CPU time in 10 ms clock ticks,
/// longer than most samples here, so its percentiles are 0 or 10 ms; the thread's clock reads in nanoseconds.
let threadCPUTime = BenchmarkMetric.custom("CPU time, thread (ns)")

func threadCPUNanoseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
}

/// Runs `operation` once per scaled iteration, and records the thread's CPU time for them all.
@inline(__always)
func measure(_ benchmark: Benchmark, _ operation: () throws -> Void) rethrows {
    let start = threadCPUNanoseconds()
    for _ in benchmark.scaledIterations {
        try operation()
    }
    benchmark.measurement(threadCPUTime, threadCPUNanoseconds() - start)
}

/// At most about two seconds per benchmark, so the suite runs in well under two minutes.
func configuration(gatingAllocations: Bool) -> Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, threadCPUTime, .mallocCountTotal],
        timeUnits: .nanoseconds,
        units: [.mallocCountTotal: .count],
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000,
        // One allocation per operation is 1,000 per sample; the tolerance absorbs the harness's own few.
        thresholds: gatingAllocations ? [.mallocCountTotal: .init(absolute: [.p90: 100])] : nil
    )
}

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    checkFixtures()
    let gated = configuration(gatingAllocations: true)
    let baseline = configuration(gatingAllocations: false)

    // MARK: Rendering

    // Target: no allocation; the precomputed body is handed out.
    Benchmark("ErrorRenderer.body-staticEntry", configuration: gated) { benchmark in
        measure(benchmark) { blackHole(renderer.body(for: staticError)) }
    }

    // The full response: status, header fields (Content-Type, WWW-Authenticate) and the precomputed body.
    Benchmark("ErrorRenderer.render-staticEntry", configuration: gated) { benchmark in
        measure(benchmark) { blackHole(renderer.render(staticError)) }
    }

    // Target: one allocation (the output buffer), and within 2x of `Baseline.copyPrecomputedBody`.
    Benchmark("ErrorRenderer.body-twoParameters", configuration: gated) { benchmark in
        measure(benchmark) { blackHole(renderer.body(for: templatedError)) }
    }

    // Status, header fields, and the body written into a ByteBuffer sized once: one allocation, the buffer's.
    Benchmark("ErrorRenderer.render-twoParameters", configuration: gated) { benchmark in
        measure(benchmark) { blackHole(responseParts(renderer.render(templatedError))) }
    }

    // Seed 001's JSON envelope: 52 bytes, one parameter.
    Benchmark("ErrorRenderer.body-pluralKitMemberRef", configuration: gated) { benchmark in
        measure(benchmark) { blackHole(pluralKitRenderer.body(for: memberRefError)) }
    }

    Benchmark("ErrorRenderer.render-pluralKitMemberRef", configuration: gated) { benchmark in
        measure(benchmark) { blackHole(responseParts(pluralKitRenderer.render(memberRefError))) }
    }

    // Building the occurrence by name: the one lookup, paid at construction.
    Benchmark("APIError.init-byName", configuration: gated) { benchmark in
        try measure(benchmark) {
            blackHole(try APIError("MemberRefNotFound", in: pluralKit, parameters: ["memberRef": memberRef]))
        }
    }

    Benchmark("ErrorRenderer.body-threeFieldErrors", configuration: gated) { benchmark in
        measure(benchmark) { blackHole(renderer.body(for: fieldErrorsError)) }
    }

    // MARK: Decoding

    // The 156-byte body: found by status, parameters pulled back out of the message.
    Benchmark("ErrorDecoder.decode-problemBody", configuration: gated) { benchmark in
        measure(benchmark) {
            blackHole(
                decoder.decode(
                    status: templatedResponse.status,
                    headerFields: templatedResponse.headerFields,
                    body: templatedBody
                )
            )
        }
    }

    // One of four 403s, told apart only by its message template.
    Benchmark("ErrorDecoder.decode-templateMatch", configuration: gated) { benchmark in
        measure(benchmark) {
            blackHole(
                decoder.decode(
                    status: templateMatchResponse.status,
                    headerFields: templateMatchResponse.headerFields,
                    body: templateMatchResponse.body
                )
            )
        }
    }

    // MARK: Baselines

    // A fresh allocation and a 156-byte copy: what rendering the templated body should cost about.
    Benchmark("Baseline.copyPrecomputedBody", configuration: baseline) { benchmark in
        measure(benchmark) { blackHole(templatedBody.withUnsafeBufferPointer { Array($0) }) }
    }

    Benchmark("Baseline.copyPluralKitBody", configuration: baseline) { benchmark in
        measure(benchmark) { blackHole(memberRefBody.withUnsafeBufferPointer { Array($0) }) }
    }

    Benchmark("Baseline.JSONEncoder-pluralKit", configuration: baseline) { benchmark in
        let encoder = JSONEncoder()
        try measure(benchmark) {
            blackHole(try encoder.encode(PluralKitError(code: 20003, message: "Member '\(memberRef)' not found.")))
        }
    }

    // The same body as `ErrorRenderer.body-twoParameters`, message rendered from the same two values.
    Benchmark("Baseline.JSONEncoder-problem", configuration: baseline) { benchmark in
        let encoder = JSONEncoder()
        try measure(benchmark) {
            let problem = Problem(
                type: "https://example.com/e/QuotaExceeded",
                title: "Quota exceeded",
                status: 429,
                detail: "Account '\(account)' used all \(limit) calls.",
                instance: requestPath
            )
            blackHole(try encoder.encode(problem))
        }
    }

    // The same 156 bytes as `ErrorDecoder.decode-problemBody`.
    Benchmark("Baseline.JSONDecoder-problem", configuration: baseline) { benchmark in
        let decoder = JSONDecoder()
        try measure(benchmark) { blackHole(try decoder.decode(Problem.self, from: templatedBodyData)) }
    }
}
