/// The steps the lean-network jobs share: a table read into a design, and the restarts trained
/// with progress and checkpoints for stopping.
enum LeanTraining {
    /// The table's chosen columns as a design scaled for `training`'s activation, checked
    /// against the training settings (initial parameters, one per feature).
    static func design(_ table: TableSource, featureScaling: FeatureScaling, training: TrainingOptions,
                       context: JobContext) throws -> Design {
        let design = try Design(csvAt: table.path, reader: table.reader(), options: DesignOptions(
            columns: table.columns, featureScaling: featureScaling, targetScaling: training.activation.targetScaling),
            progress: context.callback(.reading))
        try training.validate(for: design)
        return design
    }

    /// Every restart's history and those of the null trainings `null` asks for, reporting
    /// epochs as they finish.
    static func histories(_ design: Design, _ training: TrainingOptions, null: NullTrainings?,
                          context: JobContext) throws -> TrainedHistories {
        try training.checkMemory(features: design.featureCount, nullTrainings: null?.count ?? 0)
        let trainings = training.restarts + (null?.count ?? 0)
        return try Trainer.train(design, options: training, null: null,
                                 progress: context.counter(.training, total: trainings * training.epochs))
    }
}
