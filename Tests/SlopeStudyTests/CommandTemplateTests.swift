import Testing
@testable import SlopeStudy

@Suite struct CommandTemplateTests {
    @Test func splitsLikeAShellWithoutOne() {
        #expect(CommandTemplate.split("python3 train.py {args}") == ["python3", "train.py", "{args}"])
        #expect(CommandTemplate.split(#"run 'a b' "c \"d\"" e\ f ''"#) == ["run", "a b", #"c "d""#, "e f", ""])
        #expect(CommandTemplate.split("  x\ty  ") == ["x", "y"])
        #expect(CommandTemplate.split("run 'open") == nil)
        #expect(CommandTemplate.split("run \\") == nil)
        #expect(CommandTemplate.split("run ; rm -rf x") == ["run", ";", "rm", "-rf", "x"])
    }

    @Test func expandsArgsAndNamesAndDropsInactive() {
        let t = CommandTemplate(tokens: ["train", "{args}", "--m={momentum}", "--lr", "{lr}", "out-{id}-{seed}.log"])
        let values = TrialParameters([("lr", .real(0.001)), ("opt", .text("adam")), ("deep", .boolean(true))])
        #expect(t.arguments(values: values, seed: 42, id: 3)
                == ["train", "--lr=0.001", "--opt=adam", "--deep=true", "--lr", "0.001", "out-3-42.log"])
        #expect(t.parameterPlaceholders == ["momentum", "lr"])
    }
}
