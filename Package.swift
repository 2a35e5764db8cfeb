// swift-tools-version:6.1
// The swift-tools-version declares the minimum version of Swift required to build this package.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    .enableUpcomingFeature("ExistentialAny"),

    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "errata",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Errata", targets: ["Errata"]),
        .library(name: "ErrataTools", targets: ["ErrataTools"]),
        .library(name: "ErrataResponder", targets: ["ErrataResponder"]),
        .library(name: "ErrataHummingbird", targets: ["ErrataHummingbird"]),
        .library(name: "ErrataServer", targets: ["ErrataServer"]),
        // Clients, split by HTTP library so that a URLSession-only app does not build AsyncHTTPClient (and its
        // SwiftNIO SSL and HTTP/2) or the OpenAPI runtime.
        .library(name: "ErrataClient", targets: ["ErrataClient"]),
        .library(name: "ErrataAsyncHTTPClient", targets: ["ErrataAsyncHTTPClient"]),
        .library(name: "ErrataOpenAPI", targets: ["ErrataOpenAPI"]),
        .executable(name: "errata", targets: ["errata"]),
        .plugin(name: "ErrataPlugin", targets: ["ErrataPlugin"]),
    ],
    dependencies: [
        // HTTPResponse.Status and HTTPFields: the vocabulary types every Swift server and client shares.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // YAML parsing with line and column marks, for located catalog diagnostics.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // The `errata` command line.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // The server integration and `errata serve`.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // WebSocket status packets and close frames from catalogs, and `errata serve`'s mock WebSocket endpoint.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        // Logging internal errors under the request id, and counting rendered errors.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        // ByteBuffer, for response bodies.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // The IETF RateLimit and RateLimit-Policy headers are structured fields (RFC 9651).
        .package(url: "https://github.com/apple/swift-http-structured-headers.git", from: "1.7.0"),
        // ErrataAsyncHTTPClient: typed errors and catalog retries for AsyncHTTPClient.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // ErrataOpenAPI: a ClientMiddleware for swift-openapi-generator clients.
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        // Tests only: the transport the generated OpenAPI client in ErrataClientTests sends with.
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client.git", from: "1.5.0"),
        // `swift package generate-documentation`: the DocC catalogs (`Docs.docc`) of the public modules, built in CI.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.5.0"),
    ],
    targets: [
        // Core
        .target(
            name: "Errata",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types")
            ],
            swiftSettings: swiftSettings
        ),

        // Integrations
        // What every server integration shares, with no framework: mapping, negotiation, contracts, logging, metrics.
        .target(
            name: "ErrataResponder",
            dependencies: [
                "Errata",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataClient",
            dependencies: [
                "Errata",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "RawStructuredFieldValues", package: "swift-http-structured-headers"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataAsyncHTTPClient",
            dependencies: [
                "Errata",
                "ErrataClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataOpenAPI",
            dependencies: [
                "Errata",
                "ErrataClient",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataHummingbird",
            dependencies: [
                "Errata",
                "ErrataResponder",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "ErrataServer",
            dependencies: [
                "Errata",
                "ErrataTools",
                "ErrataHummingbird",
                "ErrataResponder",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // Tools
        .target(
            name: "ErrataTools",
            dependencies: [
                "Errata",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataCatalogs",
            path: "Catalogs",
            exclude: ["README.md"],
            resources: [
                .copy("blazeauth.errata.yaml"), .copy("pluralkit.errata.yaml"),
                .copy("rest-error-codes.errata.yaml"), .copy("batchdata.errata.yaml"),
                // Real public APIs' error contracts.
                .copy("github.errata.yaml"), .copy("stripe.errata.yaml"), .copy("kubernetes.errata.yaml"),
                .copy("google-apis.errata.yaml"), .copy("discord.errata.yaml"), .copy("rfc9457.errata.yaml"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "errata",
            dependencies: [
                "Errata",
                "ErrataTools",
                "ErrataCatalogs",
                "ErrataServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // What ErrataPlugin runs: the Swift generator without the server stack, so that a client-only target using
        // the plugin builds no Hummingbird, NIO or WebSocket code.
        .executableTarget(
            name: "errata-generate",
            dependencies: [
                "ErrataTools",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Turns the one `*.errata.yaml` in a target into Swift types, with `errata-generate` (`errata generate swift`).
        .plugin(
            name: "ErrataPlugin",
            capability: .buildTool(),
            dependencies: ["errata-generate"]
        ),

        // Tests
        .testTarget(
            name: "ErrataTests",
            dependencies: ["Errata"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataToolsTests",
            dependencies: [
                "ErrataTools",
                "ErrataCatalogs",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            // Golden files, read through #filePath; RECORD_SNAPSHOTS=1 writes them again.
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
        // The runtime's ErrorRenderer and ErrorDecoder, against catalogs loaded from YAML (so ErrataTools) and the
        // bundled ones.
        .testTarget(
            name: "ErrorRendererDecoderTests",
            dependencies: [
                "Errata",
                "ErrataTools",
                "ErrataCatalogs",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        // What more than one test target needs: a log handler that records lines.
        .target(
            name: "ErrataTestSupport",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/ErrataTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataHummingbirdTests",
            dependencies: [
                "ErrataHummingbird",
                "ErrataTestSupport",
                "ErrataResponder",
                "ErrataTools",
                "ErrataCatalogs",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                // A live server and a real WebSocket client: `client.ws(…)` in `app.test(.live)`.
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataServerTests",
            dependencies: [
                "ErrataServer",
                "ErrataTestSupport",
                "ErrataTools",
                "ErrataCatalogs",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataClientTests",
            dependencies: [
                "ErrataClient",
                "ErrataAsyncHTTPClient",
                "ErrataOpenAPI",
                // A live `errata serve` on loopback, with its faults, is what the clients are tested against.
                "ErrataServer",
                "ErrataTools",
                "ErrataCatalogs",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            // The generated OpenAPI client's source document, kept beside the code it was generated from.
            exclude: ["Generated/openapi.yaml", "Generated/openapi-generator-config.yaml"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "errataTests",
            dependencies: ["errata"],
            swiftSettings: swiftSettings
        ),
        // The Swift generated for the bundled catalogs (golden files from ErrataToolsTests), compiled and run
        // against the runtime alone.
        .testTarget(
            name: "GeneratedCodeTests",
            dependencies: ["Errata"],
            exclude: ["Dumps"],
            swiftSettings: swiftSettings
        ),
    ]
)
