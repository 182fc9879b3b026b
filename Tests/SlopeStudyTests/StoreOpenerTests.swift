import Foundation
import Testing
import SlopeCore
import SlopeStudy
import SlopeStudyPostgres

/// Which store a location names, with and without the PostgreSQL store linked.
@Suite struct StoreOpenerTests {
    @Test func aURLIsNeverTakenForAFileName() async throws {
        let scratch = try Scratch()
        let url = "postgresql://slope@127.0.0.1:1/studies"
        #expect(!StoreOpener.files.isFile(url) && StoreOpener.files.isFile(scratch.file("s.sqlite")))
        await #expect(throws: SlopeError.store(file: url, reason: "no store of kind \"postgresql\" in this build (an SQLite file path, or a PostgreSQL URL with SlopeStudyPostgres)", problem: .badLocation)) {
            _ = try await StoreOpener.files.running(url, study: "s")
        }
        await #expect(throws: SlopeError.self) { _ = try await StoreOpener.files.reading("mysql://h/db") }
        #expect(!FileManager.default.fileExists(atPath: "postgresql:"))
    }

    @Test func withPostgresURLsAreDatabases() {
        let opener = StoreOpener.withPostgres
        #expect(!opener.isFile("postgresql://u:secret@h:5/d") && opener.isFile("studies/s.sqlite"))
        #expect(opener.shown("postgresql://u:secret@h:5/d") == "postgresql://u@h:5/d" && opener.shown("a.sqlite") == "a.sqlite")
    }
}
