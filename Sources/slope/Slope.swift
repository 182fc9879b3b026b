import ArgumentParser
import Foundation
import SlopeCore
import SlopeOutput

/// The `slope` command. Bad input of any kind (a file, an option) ends with one line on
/// stderr and exit status 2; nothing is written.
@main
struct Slope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slope",
        abstract: "Sensitivity analysis: which inputs move the result, how, and how sure we are.",
        version: SlopeVersion.string,
        subcommands: [Analyze.self, HSIC.self, Surface.self, Mask.self, MLP.self, Study.self])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var study = command as? any AsyncParsableCommand {
                try await study.run()
            } else {
                try command.run()
            }
        } catch let error as SlopeError {
            Terminal.error(error.message(naming: Flags.name))
            // A defect of slope is not bad input: EX_SOFTWARE, as sysexits.h numbers it.
            if case .unexpected = error { Foundation.exit(70) }
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            // One line: the parser's message without the usage block, its lines joined.
            let lines = message(for: error).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            Terminal.error(lines.joined(separator: " ") + " (see slope help)")
            Foundation.exit(2)
        }
    }
}
