import SlopeCore
import SlopeOutput

/// The command line's names for the libraries' settings: errors name the flag the user typed.
enum Flags {
    /// The flag that sets `setting`.
    static func name(_ setting: Setting) -> String {
        switch setting {
        case .learningRate: return "--lr"
        case .batchSize: return "--batch-size"
        case .huberDelta: return "--huber-delta"
        case .initialParameters: return "--init"
        case .sampleSize: return "--subsample"
        case .memoryLimit: return "--memory"
        case .smoothness: return "--smooth"
        case .conditionalGoal: return "--conditional"
        case .objectives: return "--objective"
        case .missingValues: return "--missing"
        case .missingToken: return "--na"
        case .validationShare: return "--validation"
        case .weightDecay: return "--weight_decay"
        case .nullTrainings: return "--null"
        default: return "--\(setting.rawValue)"
        }
    }
}
