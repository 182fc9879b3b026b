import SlopeCore

/// A study read back from its store: the spec it was created with, its trials and what its
/// stages' `reduce:` decided.
public struct StoredStudy: Sendable {
    public let spec: StudySpec
    public let createdAt: String
    public let trials: [StoredTrial]
    public let decisions: [StageDecision]

    /// Reads the study in `store`; fails when the store holds none.
    public init(store: any StudyStore) async throws {
        guard let study = try await store.study() else { throw SlopeError.store(file: store.location, reason: "the store holds no study", problem: .missing) }
        var parsed = try SpecReader.parse(study.spec, file: "\(store.location) (stored spec)", folder: "")
        // A spec without `name:` takes its file's name: the store keeps the name it ran under.
        parsed.name = study.name
        spec = parsed
        createdAt = study.createdAt
        trials = try await store.trials(space: spec.space)
        decisions = try await store.decisions(space: spec.space)
    }
}
