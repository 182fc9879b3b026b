// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "slope",
    products: [
        .library(name: "SlopeCore", targets: ["SlopeCore"]),
        .library(name: "SlopeReport", targets: ["SlopeReport"]),
        .library(name: "SlopeStudy", targets: ["SlopeStudy"]),
        .executable(name: "slope", targets: ["slope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // The numeric core: data in, jets, the lean network, statistics, reading.
        // No dependency beyond Foundation, so that it builds in seconds.
        .target(name: "SlopeCore"),
        // Figures (SVG) and self-contained HTML reports over SlopeCore's results.
        .target(name: "SlopeReport", dependencies: ["SlopeCore"]),
        // One libc call Swift's Glibc module leaves out (the child's working directory).
        .target(name: "CSpawn"),
        // Hyperparameter studies: YAML specs, samplers, the SQLite trial store, the runner.
        // The only target with database and YAML dependencies.
        .target(
            name: "SlopeStudy",
            dependencies: [
                "SlopeCore",
                "CSpawn",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The command-line shell over the library.
        .executableTarget(
            name: "slope",
            dependencies: [
                "SlopeCore",
                "SlopeReport",
                "SlopeStudy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // bench/run's Swift side: times slope's code on the inputs the reference programs read.
        .executableTarget(name: "slope-bench", dependencies: ["SlopeCore"], path: "bench/swift"),
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
            name: "SlopeStudyTests",
            dependencies: ["SlopeStudy", "SlopeCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SlopeCLITests",
            dependencies: ["slope"]
        ),
    ]
)
