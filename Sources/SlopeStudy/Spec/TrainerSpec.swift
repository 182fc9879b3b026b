import SlopeCore

/// `trainer: mlp` with its `data:` block: slope's own network trainer run as the trial's child
/// process (`slope mlp`), its hyperparameters the spec's parameters.
enum TrainerSpec {
    static let dataKeys = ["images", "labels", "csv", "target", "task", "validation"]

    static func read(_ top: YAMLMap, space: ParameterSpace) throws(SlopeError) -> TrialCommand {
        let name = try top.string("trainer") ?? ""
        guard name == "mlp" else { throw top.error("trainer", "unknown trainer '\(name)' (slope has: mlp)") }
        for p in space.parameters where !MLPOptions.hyperparameterNames.contains(p.name) {
            throw .spec(file: top.file, line: top["parameters"]?.mark?.line, key: "parameters.\(p.name)",
                        reason: "the mlp trainer has no hyperparameter '\(p.name)' (it has: \(MLPOptions.hyperparameterNames.joined(separator: ", ")))")
        }
        guard let data = try top.map("data") else {
            throw top.error("trainer", "trainer: mlp needs data: {images: ..., labels: ...} or {csv: ..., target: ...}")
        }
        try data.onlyKeys(dataKeys)
        var arguments: [String] = []
        for key in dataKeys {
            guard let node = data[key] else { continue }
            guard let value = YAMLMap.value(node) else { throw data.error(key, "expected one value") }
            arguments.append(TrialArgument.named(key, "\(value)"))
        }
        let hasImages = data["images"] != nil && data["labels"] != nil, hasCSV = data["csv"] != nil
        guard hasImages != hasCSV else {
            throw top.error("data", "give images: and labels: (IDX files) or csv: (with target:), not both")
        }
        return .trainer(name: name, arguments: arguments)
    }
}
