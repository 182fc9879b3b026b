// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "slope",
    products: [
        .library(name: "SlopeCore", targets: ["SlopeCore"]),
        .library(name: "SlopeReport", targets: ["SlopeReport"]),
        .executable(name: "slope", targets: ["slope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The numeric core: data in, jets, the lean network, statistics, reading.
        // No dependency beyond Foundation, so that it builds in seconds.
        .target(name: "SlopeCore"),
        // Figures (SVG) and self-contained HTML reports over SlopeCore's results.
        .target(name: "SlopeReport", dependencies: ["SlopeCore"]),
        // The command-line shell over the library.
        .executableTarget(
            name: "slope",
            dependencies: [
                "SlopeCore",
                "SlopeReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SlopeCoreTests",
            dependencies: ["SlopeCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SlopeReportTests",
            dependencies: ["SlopeReport", "SlopeCore"]
        ),
        .testTarget(
            name: "SlopeCLITests",
            dependencies: ["slope"]
        ),
    ]
)
