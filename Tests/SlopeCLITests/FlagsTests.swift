import Foundation
import SlopeCore
import Testing
@testable import slope

/// The command line names every library setting by a flag it has.
@Suite struct FlagsTests {
    static let commands = [["analyze"], ["hsic"], ["surface"], ["mask"], ["mlp"],
                           ["study", "run"], ["study", "analyze"], ["study", "import"], ["study", "serve"]]

    @Test func everySettingIsAFlagOfSomeCommand() throws {
        let help = try Self.commands.map { try CLIRunner.run($0 + ["--help"]).stdout }.joined(separator: "\n")
        for setting in Setting.allCases {
            let flag = Flags.name(setting)
            #expect(help.contains(flag + " ") || help.contains(flag + "\n") || help.contains(flag + ","),
                    "\(setting) → \(flag) is not an option of any command")
        }
    }

    /// Defaults read as a user types them, never as a Swift value's dump.
    @Test func defaultsAreShownAsTyped() throws {
        let help = try Self.commands.map { try CLIRunner.run($0 + ["--help"]).stdout }.joined(separator: "\n")
        #expect(!help.contains("(character:"), "a default printed as a Swift value")
        #expect(help.contains("(default: .)"))
    }
}

@Suite struct VersionTests {
    @Test func versionIsPrinted() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0 && result.stdout == SlopeVersion.string + "\n")
    }
}
