import AsyncHTTPClient
import Benchmark
import Errata
import ErrataAsyncHTTPClient
import ErrataClient
import ErrataOpenAPI
import ErrataTools
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import OpenAPIRuntime

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// What each ErrataClient path adds to decoding an error response, against `ErrorDecoder.decode` alone in the same
// run. Each path gets the response the way its HTTP library hands it over (a URLSession `Data` and
// `HTTPURLResponse`, an AsyncHTTPClient `HTTPClientResponse`, an OpenAPI `HTTPResponse` and `HTTPBody` from the
// middleware's `next`), and runs everything ErrataClient does with it: the retry loop (`RetryPolicy.never`, so one
// attempt and one decision), the header conversion, reading the body, decoding, and throwing and catching the
// `CatalogResponseError`. The network is left out: it is the same with or without Errata.
//
// Target: each path within 1.10× of `ErrorDecoder-alone`. The `*-handWritten` rows are what an app writes without
// ErrataClient around the same decoder, the alternative a user would pick. Run with
// `swift package --disable-sandbox benchmark --target ErrataClientBenchmarks` in Benchmarks/.

// MARK: - Fixtures

/// PluralKit's envelope (`{code, message, errors?, retry_after?}`), with its rate-limit entry.
let catalogText = #"""
    errata: 1
    id: shop
    title: Shop API
    version: "1.0.0"
    envelope:
      format: json
      body: { code: "{code}", message: "{message}", retry_after: "{retryAfterMilliseconds?}" }
    codes:
      - { name: MemberRefNotFound, code: 20003, status: 404, title: Member not found, message: "Member '{memberRef}' not found." }
      - { name: TooManyRequests, code: 0, status: 429, title: Too many requests, message: "Too many requests.", retry: after }
    """#

let catalog: ErrorCatalog = {
    guard let catalog = CatalogLoader().load(text: catalogText, path: "shop.errata.yaml").catalog else {
        fatalError("the benchmark catalog does not load")
    }
    return catalog
}()

let decoder = ErrorDecoder(catalog: catalog)
let client = CatalogClient(decoder: decoder, retryPolicy: .never)
let bodyText = #"{"code":20003,"message":"Member 'a-member-ref' not found."}"#
let body = Array(bodyText.utf8)
/// What a server sends with an error: a handful of fields.
let headerPairs = [
    ("Content-Type", "application/json"), ("Content-Length", String(body.count)),
    ("Date", "Sun, 06 Nov 1994 08:49:37 GMT"), ("Server", "errata"), ("X-Request-Id", "r-123"),
]
let headerFields: HTTPFields = {
    var fields = HTTPFields()
    for (name, value) in headerPairs { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
    return fields
}()
let getRequest = HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1", path: "/members/a-member-ref")

// URLSession
let urlData = Data(body)
let urlResponse = HTTPURLResponse(
    url: URL(string: "http://127.0.0.1/members/a-member-ref")!,
    statusCode: 404,
    httpVersion: "HTTP/1.1",
    headerFields: Dictionary(uniqueKeysWithValues: headerPairs)
)!

// AsyncHTTPClient. A response's body is an async sequence a client reads once, as AsyncHTTPClient hands each
// response out once: each call gets a new response over the same bytes (one reused response was read on every
// iteration, and the benchmark crashed).
let ahcHeaders = HTTPHeaders(headerPairs)
let ahcBody = ByteBuffer(bytes: body)
func ahcResponse() -> HTTPClientResponse {
    HTTPClientResponse(status: .notFound, headers: ahcHeaders, body: .bytes(ahcBody))
}

// OpenAPI
let openAPIResponse = HTTPResponse(status: .notFound, headerFields: headerFields)
let openAPIBody = HTTPBody(body)
let middleware = CatalogErrorMiddleware(client: client)
let serverURL = URL(string: "http://127.0.0.1")!

// MARK: - The paths

func viaURLSession() async -> DecodedError? {
    do {
        _ = try await client.execute(getRequest) { _ in try client.checked(urlData, urlResponse) }
    } catch let error as CatalogResponseError {
        return error.decoded
    } catch {}
    return nil
}

func viaAsyncHTTPClient() async -> DecodedError? {
    do {
        _ = try await client.execute(getRequest) { _ in try await client.checked(ahcResponse()) }
    } catch let error as CatalogResponseError {
        return error.decoded
    } catch {}
    return nil
}

func viaOpenAPI() async -> DecodedError? {
    do {
        _ = try await middleware.intercept(getRequest, body: nil, baseURL: serverURL, operationID: "getMember") {
            _,
            _,
            _ in (openAPIResponse, openAPIBody)
        }
    } catch let error as CatalogResponseError {
        return error.decoded
    } catch {}
    return nil
}

// MARK: - The glue a user would write instead

// The same response read with the decoder alone, as an app without ErrataClient would: the library's body and
// headers turned into bytes and `HTTPFields`, decoded, thrown as an error of the app's own and caught. What each
// ErrataClient path adds over this is ErrataClient's own cost (the retry loop, its error type); what this adds over
// `ErrorDecoder-alone` is the HTTP library's (its body type, its header type, an async call, a throw).

struct HandWrittenError: Error {
    var status: HTTPResponse.Status
    var headerFields: HTTPFields
    var decoded: DecodedError
}

func handWrittenURLSession() async -> DecodedError? {
    func check(_ data: Data, _ response: HTTPURLResponse) throws {
        var fields = HTTPFields()
        for case (let name as String, let value as String) in response.allHeaderFields {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let status = HTTPResponse.Status(code: response.statusCode)
        throw HandWrittenError(
            status: status,
            headerFields: fields,
            decoded: decoder.decode(status: status, headerFields: fields, body: Array(data))
        )
    }
    do {
        try check(urlData, urlResponse)
    } catch let error as HandWrittenError {
        return error.decoded
    } catch {}
    return nil
}

func handWrittenAsyncHTTPClient() async -> DecodedError? {
    func check(_ response: HTTPClientResponse) async throws {
        let body = try await response.body.collect(upTo: 1 << 20)
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let status = HTTPResponse.Status(code: Int(response.status.code))
        throw HandWrittenError(
            status: status,
            headerFields: fields,
            decoded: decoder.decode(status: status, headerFields: fields, body: Array(body.readableBytesView))
        )
    }
    do {
        try await check(ahcResponse())
    } catch let error as HandWrittenError {
        return error.decoded
    } catch {}
    return nil
}

func handWrittenOpenAPI() async -> DecodedError? {
    func next() async throws -> (HTTPResponse, HTTPBody?) { (openAPIResponse, openAPIBody) }
    do {
        let (response, body) = try await next()
        var bytes: [UInt8] = []
        if let body { bytes = try await [UInt8](collecting: body, upTo: 1 << 20) }
        throw HandWrittenError(
            status: response.status,
            headerFields: response.headerFields,
            decoded: decoder.decode(status: response.status, headerFields: response.headerFields, body: bytes)
        )
    } catch let error as HandWrittenError {
        return error.decoded
    } catch {}
    return nil
}

/// Every path must decode the same entry and parameter before it is timed, or the comparison means nothing.
func checkFixtures() async {
    let alone = decoder.decode(status: .notFound, headerFields: headerFields, body: body)
    let paths = [
        await viaURLSession(), await viaAsyncHTTPClient(), await viaOpenAPI(), await handWrittenURLSession(),
        await handWrittenAsyncHTTPClient(), await handWrittenOpenAPI(),
    ]
    for decoded in [alone] + paths {
        guard let decoded, decoded.name == "MemberRefNotFound", decoded.parameters == ["memberRef": "a-member-ref"]
        else { fatalError("a client path decodes the fixture differently: \(String(describing: decoded))") }
    }
}

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
        timeUnits: .nanoseconds,
        units: [.mallocCountTotal: .count],
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )

    Benchmark.startupHook = { await checkFixtures() }

    Benchmark("Client.ErrorDecoder-alone", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(decoder.decode(status: .notFound, headerFields: headerFields, body: body))
        }
    }

    Benchmark("Client.URLSession-path", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(await viaURLSession()) }
    }

    Benchmark("Client.AsyncHTTPClient-path", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(await viaAsyncHTTPClient()) }
    }

    Benchmark("Client.OpenAPI-path", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(await viaOpenAPI()) }
    }

    Benchmark("Client.URLSession-handWritten", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(await handWrittenURLSession()) }
    }

    Benchmark("Client.AsyncHTTPClient-handWritten", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(await handWrittenAsyncHTTPClient()) }
    }

    Benchmark("Client.OpenAPI-handWritten", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(await handWrittenOpenAPI()) }
    }
}
