// swift-tools-version:6.1
// Errata in a Vapor 4 application: a catalog file in a target, ErrataPlugin generating `NotesErrors` from it at
// build time, and routes that throw the generated errors through ErrataErrorMiddleware, which also answers Vapor's
// validation and decoding failures, `Abort` and unmatched routes from the same catalog.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    .enableUpcomingFeature("ExistentialAny"),

    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "HelloVapor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "notes-server", targets: ["notes-server"])
    ],
    dependencies: [
        // Errata (the runtime and the plugin) and its Vapor integration, a package of its own in the repository
        // (Integrations/ErrataVapor), so that only Vapor users build Vapor. SwiftPM finds a package only at the root
        // of a repository, so an application depends on ErrataVapor by path: a checkout or a git submodule.
        .package(name: "errata", path: "../.."),
        .package(name: "errata-vapor", path: "../../Integrations/ErrataVapor"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        // HTTPResponse.Status and HTTPFields, which the generated code uses.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // The API's errors: `notes.errata.yaml`, and `NotesErrors` that ErrataPlugin generates from it.
        .target(
            name: "NotesAPI",
            dependencies: [
                .product(name: "Errata", package: "errata"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings,
            plugins: [
                .plugin(name: "ErrataPlugin", package: "errata")
            ]
        ),
        .target(
            name: "NotesServer",
            dependencies: [
                "NotesAPI",
                .product(name: "Errata", package: "errata"),
                .product(name: "ErrataVapor", package: "errata-vapor"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "notes-server",
            dependencies: [
                "NotesServer",
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NotesServerTests",
            dependencies: [
                "NotesServer",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
