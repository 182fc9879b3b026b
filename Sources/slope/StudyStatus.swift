import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy

/// `slope study status STORE`: counts, the best trial, times and memory, failures.
struct StudyStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Summarise a study store.")

    @Argument(help: "The trial store (SQLite).") var store: String
    @Flag(help: "Print only the counts line.") var quiet = false

    func run() throws {
        print(StudyStatusText.render(try StudyStatusJob.read(store: store), countsOnly: quiet), terminator: "")
    }
}
