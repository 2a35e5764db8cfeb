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
        .executable(name: "errata", targets: ["errata"]),
    ],
    dependencies: [
        // HTTPResponse.Status and HTTPFields: the vocabulary types every Swift server and client shares.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // YAML parsing with line and column marks, for located catalog diagnostics.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // The `errata` command line.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
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
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "errata",
            dependencies: [
                "Errata",
                "ErrataTools",
                "ErrataCatalogs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // Tests
        .testTarget(
            name: "ErrataTests",
            dependencies: ["Errata"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ErrataToolsTests",
            dependencies: ["ErrataTools", "ErrataCatalogs"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "errataTests",
            dependencies: ["errata"],
            swiftSettings: swiftSettings
        ),
    ]
)
