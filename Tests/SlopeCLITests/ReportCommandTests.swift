import Foundation
import Testing

/// Headless Chromium, when installed (CI installs it and sets SLOPE_REQUIRE_BROWSER=1 so that
/// a missing browser fails instead of skipping).
enum Browser {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["SLOPE_REQUIRE_BROWSER"] == "1"

    /// Renders `html` to a PNG of the given size.
    static func screenshot(_ html: URL, to png: URL, width: Int, height: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path, "chromium is not installed"))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--screenshot=\(png.path)", "--window-size=\(width),\(height)", html.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    /// Width and height from a PNG's IHDR chunk.
    static func size(_ png: Data) -> (Int, Int)? {
        guard png.count > 24, png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func int(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}

@Suite struct ReportCommandTests {
    @Test func analyzeWritesAReportAndSurfaceWritesTheGrid() throws {
        let folder = try CLIRunner.temporaryFolder()
        let html = folder.appendingPathComponent("wine.html"), grid = folder.appendingPathComponent("grid.csv")
        let result = try CLIRunner.run(["analyze", CLIRunner.example("wine.csv"), "--target", "cultivar", "--epochs", "100",
                                        "--report", html.path, "--grid", "11", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: html, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("1. Loss surface") && text.contains("5. Agreement"))
        let surface = try CLIRunner.run(["surface", CLIRunner.example("wine.csv"), "--target", "cultivar", "--epochs", "100",
                                         "--grid", "11", "--axes", "alcohol,hue", "--csv", grid.path, "--quiet"])
        #expect(surface.status == 0, "\(surface.stderr)")
        let lines = try String(contentsOf: grid, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "x,y,loss" && lines.count == 1 + 121)
        #expect(surface.stdout.contains("weight axes of alcohol and hue"))
    }

    @Test func maskWritesPGMAndCSV() throws {
        let folder = try CLIRunner.temporaryFolder()
        let pgm = folder.appendingPathComponent("mask.pgm"), csv = folder.appendingPathComponent("mask.csv")
        let result = try CLIRunner.run(["mask", CLIRunner.example("digits-images.idx3-ubyte"),
                                        "--labels", CLIRunner.example("digits-labels.idx1-ubyte"), "--digits", "3,8",
                                        "--epochs", "100", "--top", "10", "--pgm", pgm.path, "--csv", csv.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let image = try String(contentsOf: pgm, encoding: .utf8).split(separator: "\n")
        #expect(image[0] == "P2" && image[2] == "8 8" && image[3] == "255")
        let cells: [Substring] = image.dropFirst(4).flatMap { $0.split(separator: " ") }
        #expect(cells.count == 64)
        #expect(cells.filter { $0 == "255" }.count == 10)
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 65 && rows[0] == "pixel,row,column,mean_rho,trend,kept,abs_pearson")
    }

    @Test func corruptIDXExitsTwo() throws {
        let folder = try CLIRunner.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.idx3-ubyte")
        try Data([0, 0, 8, 3, 0, 0, 0, 9, 0, 0, 0, 8, 0, 0, 0, 8, 1, 2, 3]).write(to: bad)
        let result = try CLIRunner.run(["mask", bad.path, "--labels", CLIRunner.example("digits-labels.idx1-ubyte"), "--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("(truncated)") && result.stderr.split(separator: "\n").count == 1)
    }

    @Test(.enabled(if: Browser.path != nil || Browser.required, "no Chromium at /usr/bin/chromium: install it to check the reports in a browser"))
    func reportRendersInAHeadlessBrowser() throws {
        let folder = try CLIRunner.temporaryFolder()
        let html = folder.appendingPathComponent("wine.html"), png = folder.appendingPathComponent("wine.png")
        let result = try CLIRunner.run(["analyze", CLIRunner.example("wine.csv"), "--target", "cultivar", "--epochs", "100",
                                        "--report", html.path, "--quiet"])
        #expect(result.status == 0)
        try Browser.screenshot(html, to: png, width: 1000, height: 1400)
        let data = try Data(contentsOf: png)
        let size = try #require(Browser.size(data))
        #expect(size == (1000, 1400))
        // A blank page of this size compresses to a few kilobytes; the figures do not.
        #expect(data.count > 50_000, "\(data.count) bytes")
    }
}

/// `slope study serve` in a browser: while a study runs, the page's own script keeps its
/// counts live (the finished count it shows grows without a reload).
@Suite struct DashboardBrowserTests {
    @Test(.enabled(if: Browser.path != nil || Browser.required, "no Chromium at /usr/bin/chromium"))
    func theLiveCountGrows() throws {
        let folder = try CLIRunner.temporaryFolder()
        try CLIRunner.writeScript("#!/bin/sh\nsleep 0.2\necho \"{\\\"error\\\": ${1#--x=}}\"\n", to: folder.appendingPathComponent("t.sh").path)
        try "trials: 200\nobjectives: {error: minimize}\ncommand: ./t.sh {args}\nparameters:\n  x: {distribution: uniform, min: 0, max: 1}\n"
            .write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("s.sqlite").path
        let study = try CLIRunner.start(["study", "run", folder.appendingPathComponent("s.yaml").path, "--store", store, "--quiet"])
        defer { study.terminate(); study.waitUntilExit() }
        while !FileManager.default.fileExists(atPath: store) { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.5)
        let port = 18_000 + Int.random(in: 0..<2000)
        let server = try CLIRunner.start(["study", "serve", store, "--port", "\(port)", "--refresh", "0.2", "--quiet"])
        defer { server.terminate(); server.waitUntilExit() }
        Thread.sleep(forTimeInterval: 1.5)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: try #require(Browser.path, "chromium is not installed"))
        // Virtual time runs the page's timers (a poll every 0.4 s) for 10 min, about 1500 polls of a
        // few real milliseconds each, while the study finishes a trial every 0.2 s of real time.
        browser.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "--virtual-time-budget=600000",
                             "http://127.0.0.1:\(port)/"]
        let out = Pipe()
        browser.standardOutput = out
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        func attribute(_ name: String) -> Int? {
            guard let r = dom.range(of: "\(name)=\"") else { return nil }
            return Int(dom[r.upperBound...].prefix { $0.isNumber })
        }
        let first = try #require(attribute("data-finished-first"), "the page's script did not poll: \(dom.prefix(300))")
        let last = try #require(attribute("data-finished-last"))
        #expect(last > first, "the finished count stayed at \(first)")
        #expect(dom.contains("id=\"count-done\">\(last)<"), "the counts shown are not the latest polled")
    }
}
