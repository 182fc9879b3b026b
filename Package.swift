// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "slope",
    products: [
        .library(name: "SlopeCore", targets: ["SlopeCore"]),
        .library(name: "SlopeOutput", targets: ["SlopeOutput"]),
        .library(name: "SlopeStudy", targets: ["SlopeStudy"]),
        .library(name: "SlopeStudyPostgres", targets: ["SlopeStudyPostgres"]),
        .library(name: "SlopeServe", targets: ["SlopeServe"]),
        .executable(name: "slope", targets: ["slope"]),
    ],
    // The heavy dependencies are behind traits, both on by default: an application that needs
    // only SlopeCore and SlopeOutput depends on slope with `traits: []`, and then neither
    // resolves nor builds GRDB, Yams, postgres-nio, NIO or Hummingbird (examples/library does
    // so). The command line needs all three.
    traits: [
        .trait(name: "Studies", description: "Hyperparameter studies (SlopeStudy): YAML specs and the SQLite store (Yams, GRDB)."),
        .trait(name: "PostgreSQL", description: "The PostgreSQL study store (SlopeStudyPostgres: postgres-nio, swift-nio, swift-log).",
               enabledTraits: ["Studies"]),
        .trait(name: "Dashboard", description: "The live dashboard of a study (SlopeServe: Hummingbird).", enabledTraits: ["Studies"]),
        .default(enabledTraits: ["Studies", "PostgreSQL", "Dashboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The numeric core: data in, jets, the lean network, statistics, HSIC, the reading, and
        // one entry point per job (a request in, a result out). Foundation only.
        .target(name: "SlopeCore", dependencies: ["CVectorLoops"]),
        // The numeric core's vector loops (the history kernel's block sums and tanh + MSE row
        // jets, the HSIC baseline's Gaussian rows), compiled for baseline x86-64 and for AVX2 from one body and picked at
        // run time: the same bits on every machine.
        .target(name: "CVectorLoops", exclude: ["block_sums_body.inc", "gaussian_rows_body.inc", "row_jets_body.inc"]),
        // Results out: JSON, CSV, terminal tables and sentences, SVG figures and HTML reports.
        .target(name: "SlopeOutput", dependencies: ["SlopeCore"]),
        // One libc call Swift's Glibc module leaves out (the child's working directory).
        .target(name: "CSpawn"),
        // Hyperparameter studies: YAML specs, samplers (space-filling and TPE), stages, the
        // trial store protocol and its SQLite file store, the runner, and the study's own
        // exports (CSV and JSON of trials).
        .target(
            name: "SlopeStudy",
            dependencies: [
                "SlopeCore",
                "SlopeOutput",
                "CSpawn",
                .product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["Studies"])),
                .product(name: "Yams", package: "Yams", condition: .when(traits: ["Studies"])),
            ]
        ),
        // The PostgreSQL study store, shared by workers on many machines: the only target with
        // a network database driver (postgres-nio), linked by the command line.
        .target(
            name: "SlopeStudyPostgres",
            dependencies: [
                "SlopeCore",
                "SlopeStudy",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        // The live dashboard of a study (`slope study serve`): read-only pages and JSON over
        // HTTP, the only target with a web server (Hummingbird).
        .target(
            name: "SlopeServe",
            dependencies: [
                "SlopeCore",
                "SlopeOutput",
                "SlopeStudy",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Dashboard"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Dashboard"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Dashboard"])),
            ]
        ),
        // The command-line shell over the library.
        .executableTarget(
            name: "slope",
            dependencies: [
                "SlopeCore",
                "SlopeOutput",
                "SlopeStudy",
                "SlopeStudyPostgres",
                "SlopeServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // bench/run's Swift side: times slope's code on the inputs the reference programs read.
        .executableTarget(name: "slope-bench", dependencies: ["SlopeCore"], path: "bench/swift"),
        // bench/claims: the claim path's latency and trials per second, SQLite and PostgreSQL.
        .executableTarget(name: "slope-claim-bench", dependencies: ["SlopeCore", "SlopeStudy", "SlopeStudyPostgres"],
                          path: "bench/claims"),
        .testTarget(
            name: "SlopeCoreTests",
            dependencies: ["SlopeCore", "SlopeOutput", "CVectorLoops"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SlopeOutputTests",
            dependencies: ["SlopeOutput", "SlopeCore"]
        ),
        .testTarget(
            name: "SlopeStudyTests",
            dependencies: ["SlopeStudy", "SlopeStudyPostgres", "SlopeCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SlopeCLITests",
            dependencies: ["slope", "SlopeCore"]
        ),
        .testTarget(
            name: "SlopeServeTests",
            dependencies: ["SlopeServe", "SlopeStudy", "SlopeCore"]
        ),
    ]
)
