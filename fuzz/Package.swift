// swift-tools-version:6.1
// libFuzzer targets for slope's parsers: CSV tables, study specs, IDX files, initial-parameter
// JSON and the JSON value reader. `fuzz/run SECONDS` builds them with -sanitize=fuzzer and runs
// each on its seed corpus (fuzz/corpus/NAME). Each target accepts any bytes: a SlopeError is
// a clean refusal; any other error, a trap or a hang is a finding.
import PackageDescription

let fuzzers = ["FuzzCSV", "FuzzSpec", "FuzzIDX", "FuzzInitJSON", "FuzzJSONValue"]

let package = Package(
    name: "SlopeFuzz",
    dependencies: [.package(name: "slope", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "SlopeCore", package: "slope")]),
    ] + fuzzers.map { name in
        .executableTarget(name: name, dependencies: [
            "FuzzSupport",
            .product(name: "SlopeCore", package: "slope"),
            .product(name: "SlopeStudy", package: "slope"),
        ])
    }
)
