// swift-tools-version:6.1
// ErrataVapor lives in its own package so that `swift build` of Errata never builds Vapor: only a Vapor user, who
// already builds it, pays for it.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    .enableUpcomingFeature("ExistentialAny"),

    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "errata-vapor",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ErrataVapor", targets: ["ErrataVapor"])
    ],
    dependencies: [
        // The catalog runtime and the responder core shared with ErrataHummingbird.
        .package(name: "errata", path: "../.."),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // Vapor's WebSocket type, for status packets and catalog close frames.
        .package(url: "https://github.com/vapor/websocket-kit.git", from: "2.16.2"),
        // Tests only: a WebSocket client that reports the Close frame's reason, which WebSocketKit's does not.
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
    ],
    targets: [
        .target(
            name: "ErrataVapor",
            dependencies: [
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataResponder", package: "errata"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "WebSocketKit", package: "websocket-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        // The server Benchmarks/load-vapor.sh measures (built in release by the script).
        .executableTarget(
            name: "ErrataVaporLoadServer",
            dependencies: [
                "ErrataVapor",
                .product(name: "ErrataTools", package: "errata"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataVaporTests",
            dependencies: [
                "ErrataVapor",
                // Loads the repository's bundled catalogs, so that these tests mirror ErrataHummingbird's.
                .product(name: "ErrataTools", package: "errata"),
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "WSClient", package: "swift-websocket"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
