import SlopeCore
/// The metrics line of `slope mlp`: one JSON object on the last stdout line, the trial
/// contract's metrics (`{"error":…,"accuracy":…,"val_loss":…,"train_loss":…,"epochs":…}`).
public enum MetricsLine {
    /// The line, keys in that order (accuracy for classes only), numbers as Swift prints them
    /// (shortest text that reads back as the same Double).
    public static func render(_ m: MLPMetrics) -> String {
        var pairs = [("error", "\(m.error)")]
        if let accuracy = m.accuracy { pairs.append(("accuracy", "\(accuracy)")) }
        pairs += [("val_loss", "\(m.validationLoss)"), ("train_loss", "\(m.trainLoss)"), ("epochs", "\(m.epochs)")]
        return object(pairs)
    }

    /// An epoch as a step report of the trial contract (README): `{"step":3,"error":…,
    /// "val_loss":…,"train_loss":…}`, error being the validation error after the epoch (the
    /// final line's objective), so that a study's pruner and learning curves read it.
    public static func step(_ e: MLPTrainer.Epoch) -> String {
        object([("step", "\(e.epoch)"), ("error", "\(e.validationError)"), ("val_loss", "\(e.validationLoss)"),
                ("train_loss", "\(e.trainLoss)")])
    }

    private static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
