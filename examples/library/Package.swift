// swift-tools-version:6.1
// A program that uses slope as a library, without its command line: an analysis of the
// diabetes table and an HSIC ranking of a table of training runs. Run: swift run (here).
// `traits: []` turns off slope's default traits (studies, PostgreSQL): this package resolves
// and builds none of GRDB, Yams, postgres-nio or NIO.
import PackageDescription

let package = Package(
    name: "LibraryExample",
    dependencies: [.package(name: "slope", path: "../..", traits: [])],
    targets: [
        .executableTarget(
            name: "LibraryExample",
            dependencies: [
                .product(name: "SlopeCore", package: "slope"),
                .product(name: "SlopeOutput", package: "slope"),
            ]
        ),
    ]
)
