import Foundation
import SlopeCore

/// `trainer: mlp` with its `data:` block: slope's own network trainer run as the trial's child
/// process (`slope mlp`), its hyperparameters the spec's parameters.
enum TrainerSpec {
    static let dataKeys = ["images", "labels", "csv", "target", "task", "validation"]

    /// - Parameter folder: where the data paths are looked up; empty for a spec read back from
    ///   a store (its files were checked when it was first read).
    static func read(_ top: YAMLMap, space: ParameterSpace, folder: String) throws(SlopeError) -> TrialCommand {
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
        try checkData(data, folder: folder)
        try checkValues(top, space: space)
        return .trainer(name: name, arguments: arguments)
    }

    /// The data files exist, the validation share is in (0, 1) and the task is known.
    private static func checkData(_ data: YAMLMap, folder: String) throws(SlopeError) {
        for key in ["images", "labels", "csv"] where !folder.isEmpty {
            guard let file = try data.string(key) else { continue }
            let path = file.hasPrefix("/") ? file : folder + "/" + file
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw data.error(key, "no readable file \(Shown.quoted(file)) (paths are relative to the spec's folder)")
            }
        }
        if let share = try data.double("validation"), !(share > 0 && share < 1) {
            throw data.error("validation", "must be a share in (0, 1)")
        }
        if let task = try data.string("task"), MLPRequest.Task(rawValue: task) == nil {
            throw data.error("task", "expected \(MLPRequest.Task.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Every value a hyperparameter can take (each listed value; a range's ends) is one the
    /// trainer accepts, so that no trial fails for a value the spec allowed.
    private static func checkValues(_ top: YAMLMap, space: ParameterSpace) throws(SlopeError) {
        for p in space.parameters {
            let candidates: [String]
            switch p.domain {
            case let .values(list): candidates = list.map(\.description)
            case let .uniform(lo, hi), let .logUniform(lo, hi), let .quantized(lo, hi, _):
                candidates = ["\(lo)", "\(hi)"]
            case let .intUniform(lo, hi), let .logInt(lo, hi): candidates = ["\(lo)", "\(hi)"]
            }
            for text in candidates {
                var options = MLPOptions()
                do {
                    try options.set(p.name, text: text)
                    try options.validate()
                } catch {
                    throw .spec(file: top.file, line: top["parameters"]?.mark?.line, key: "parameters.\(p.name)",
                                reason: "the mlp trainer cannot take \(Shown.quoted(text)): \(error.description)")
                }
            }
        }
    }
}
