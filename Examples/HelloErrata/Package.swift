// swift-tools-version:6.1
// Errata the way an application uses it: a catalog file in a target, ErrataPlugin generating `HelloErrors` from it
// at build time, a Hummingbird server that throws the generated errors through ErrataMiddleware, and a client that
// decodes error responses back into the generated cases.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    .enableUpcomingFeature("ExistentialAny"),

    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "HelloErrata",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hello-server", targets: ["hello-server"]),
        .executable(name: "hello-client", targets: ["hello-client"]),
    ],
    dependencies: [
        // Errata: the runtime, the Hummingbird integration and the plugin that generates Swift from the catalog.
        // An application outside this repository writes `.package(url: "…/errata.git", from: "…")` instead.
        .package(name: "errata", path: "../.."),
        // The server.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // HTTPResponse.Status and HTTPFields, which the generated code and the client use.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // The API's errors: `hello.errata.yaml`, and `HelloErrors` that ErrataPlugin generates from it. Server and
        // client both depend on this target, so they agree on the contract by construction.
        .target(
            name: "HelloAPI",
            dependencies: [
                .product(name: "Errata", package: "errata"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings,
            plugins: [
                .plugin(name: "ErrataPlugin", package: "errata")
            ]
        ),

        // Server
        .target(
            name: "HelloServer",
            dependencies: [
                "HelloAPI",
                // `APIError.with(retryAfter:)` on the generated constants.
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataHummingbird", package: "errata"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hello-server",
            dependencies: [
                "HelloServer",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),

        // Client: no server framework, only ErrataClient (the runtime's decoder, retries) and Foundation's
        // URLSession; not ErrataAsyncHTTPClient, so the client builds no AsyncHTTPClient.
        .target(
            name: "HelloClient",
            dependencies: [
                "HelloAPI",
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataClient", package: "errata"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hello-client",
            dependencies: ["HelloClient", .product(name: "ErrataClient", package: "errata")],
            swiftSettings: swiftSettings
        ),

        // Tests
        .testTarget(
            name: "HelloServerTests",
            dependencies: [
                "HelloServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelloClientTests",
            dependencies: [
                "HelloAPI",
                "HelloClient",
                "HelloServer",
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataClient", package: "errata"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
