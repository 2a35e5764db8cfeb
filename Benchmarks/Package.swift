// swift-tools-version:6.1
// The benchmark plugin's `traits:` argument needs tools version 6.1.

import PackageDescription

let package = Package(
    name: "benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The package under measurement.
        .package(name: "errata", path: "../"),
        // The `swift package benchmark` plugin: wall clock, CPU and malloc counts, with gated thresholds. Only the
        // malloc interposer trait: the default `RuntimeInterposer` trait needs ordo-one/swift-runtime-interposer on
        // Linux with Swift 6.3, which the package mirror does not have.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // The load server (ErrataLoadServer, run by load.sh under wrk): the framework it serves with, and its logger.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // ByteBuffer, for the full-response benchmarks (what the Hummingbird adapter writes into), and for
        // ErrataClientBenchmarks.
        // ErrataClientBenchmarks: the response types of the HTTP libraries the client paths take.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "ErrataBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataTools", package: "errata"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/ErrataBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // What each ErrataClient path (URLSession, AsyncHTTPClient, OpenAPI middleware) adds to ErrorDecoder alone.
        // Not built by CI, which builds AsyncHTTPClient once, in the root package's tests; run by hand.
        .executableTarget(
            name: "ErrataClientBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataTools", package: "errata"),
                .product(name: "ErrataClient", package: "errata"),
                .product(name: "ErrataAsyncHTTPClient", package: "errata"),
                .product(name: "ErrataOpenAPI", package: "errata"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Benchmarks/ErrataClientBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // The whole server path in process (router, ErrataMiddleware, handler, response body), no sockets: the
        // catalog error against a plain 200, its routed twin and Hummingbird's HTTPError. Run by hand, like
        // ErrataClientBenchmarks.
        .executableTarget(
            name: "ErrataMiddlewareBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataTools", package: "errata"),
                .product(name: "ErrataHummingbird", package: "errata"),
                .product(name: "ErrataServer", package: "errata"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                "LoadFloor",
            ],
            path: "Benchmarks/ErrataMiddlewareBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // The floor route's middleware, shared by the load server and the in-process benchmarks: an error answered
        // with fixed bytes, the least any error path costs on Hummingbird.
        .target(
            name: "LoadFloor",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird")
            ],
            path: "LoadFloor"
        ),
        // One server with a plain route, an Errata error route and its routed 200 twin, a Hummingbird HTTPError
        // route, an error answered with fixed bytes (the floor) and `errata serve`'s mock, for load.sh to compare
        // under wrk.
        .executableTarget(
            name: "ErrataLoadServer",
            dependencies: [
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataTools", package: "errata"),
                .product(name: "ErrataHummingbird", package: "errata"),
                .product(name: "ErrataServer", package: "errata"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                "LoadFloor",
            ],
            path: "ErrataLoadServer",
            swiftSettings: [
                // As in the root package: https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
                .enableUpcomingFeature("ExistentialAny"),
                // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
                .enableUpcomingFeature("MemberImportVisibility"),
            ]
        ),
    ]
)
