// swift-tools-version:6.1
// libFuzzer harnesses for Errata's parsers: a package of its own, so the sanitizer flags
// (`-sanitize=fuzzer,address`) never reach the main build. `Sources/Errata` and `Sources/ErrataTools` are symbolic
// links to the main package's sources, compiled here as targets of this package. `scripts/fuzz.sh` builds them with
// SwiftPM, then compiles and links each harness in `Harnesses/` with `swiftc`, with `-package-name fuzz` so that a
// harness reaches the `package` API (`JSONParser`) as the runtime's own targets do. (SwiftPM links an executable
// target with `--defsym main=<Module>_main`, a symbol a `-parse-as-library` harness never defines, so libFuzzer's
// `main` cannot be used from an executable target.)

import PackageDescription

// The main package's settings, so that the code compiles here exactly as there.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "errata",
    dependencies: [
        // The same dependencies as the main package's Errata and ErrataTools targets.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // The code under test (links to ../Sources).
        .target(
            name: "Errata",
            dependencies: [.product(name: "HTTPTypes", package: "swift-http-types")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ErrataTools",
            dependencies: [
                "Errata",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
