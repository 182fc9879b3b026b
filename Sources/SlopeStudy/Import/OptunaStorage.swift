import Foundation
import GRDB
import SlopeCore

/// A study read straight from Optuna's SQLite storage (its RDB schema: tables studies,
/// study_directions, study_system_attributes, trials, trial_params, trial_values).
public struct OptunaStudy: Sendable {
    /// One Optuna trial.
    public struct Trial: Sendable {
        /// Optuna's trial number (from 0).
        public let number: Int
        /// COMPLETE, FAIL, PRUNED, RUNNING or WAITING.
        public let state: String
        /// The parameters it suggested, in the order they were first suggested in the study.
        public let parameters: [(name: String, value: ParameterValue)]
        /// One value per objective; nil where none (failed, pruned, infinite).
        public let values: [Double?]
        /// Seconds from start to completion, when both are recorded.
        public let duration: Double?
        /// The finite intermediate values it reported (`trial.report`: of the first objective,
        /// the one Optuna's pruners read), by step.
        public let intermediate: [(step: Int, value: Double)]

        /// The last intermediate value reported and its step, if any.
        public var lastIntermediate: (step: Int, value: Double)? { intermediate.last }
    }

    public let path: String
    public let name: String
    public let objectives: [Objective]
    /// Every parameter of the study with its distribution (from its first trial), in order.
    let distributions: [(name: String, distribution: OptunaDistribution)]
    public let trials: [Trial]

    /// Reads study `name` (or the only study when nil) from the Optuna storage at `path`.
    /// - Throws: `SlopeError` when the file is not an Optuna storage, the study is unknown
    ///   (listing those present), or a distribution cannot be read.
    public init(path: String, study name: String?) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw SlopeError.store(file: path, reason: "no such file", problem: .missing) }
        do {
            let db = try ReadOnlyDatabase.open(path)
            self = try db.read { db in try Self.read(db, path: path, study: name) }
        } catch let error as SlopeError {
            throw error
        } catch {
            throw SlopeError.store(file: path, reason: "cannot read the Optuna storage: \(error)", problem: .damaged)
        }
    }

    private init(path: String, name: String, objectives: [Objective],
                 distributions: [(name: String, distribution: OptunaDistribution)], trials: [Trial]) {
        self.path = path
        self.name = name
        self.objectives = objectives
        self.distributions = distributions
        self.trials = trials
    }

    private static func read(_ db: Database, path: String, study name: String?) throws -> OptunaStudy {
        guard try db.tableExists("trial_params") && db.tableExists("studies") else {
            throw SlopeError.store(file: path, reason: "not an Optuna storage (no tables studies and trial_params)", problem: .notAStore)
        }
        let studies = try Row.fetchAll(db, sql: "SELECT study_id, study_name FROM studies ORDER BY study_id").map { row in
            let cells = CheckedRow(row: row, file: path, place: "table studies")
            return (id: try cells.value("study_id", as: Int64.self), name: try cells.value("study_name", as: String.self))
        }
        let listed = studies.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let chosen: (id: Int64, name: String)
        if let name {
            guard let match = studies.first(where: { $0.name == name }) else {
                throw SlopeError.store(file: path, reason: "no Optuna study named \"\(name)\"; the storage holds \(listed)", problem: .missing)
            }
            chosen = match
        } else {
            guard studies.count == 1 else {
                throw SlopeError.ambiguousStudy(file: path, studies: studies.map(\.name))
            }
            chosen = studies[0]
        }
        let objectives = try objectivesOf(db, study: chosen.id, path: path)
        var distributions: [(name: String, distribution: OptunaDistribution)] = []
        var trials: [Trial] = [], seen = Set<Int>()
        let rows = try Row.fetchAll(db, sql: """
            SELECT trial_id, number, state, datetime_start, datetime_complete FROM trials WHERE study_id = ? ORDER BY number
            """, arguments: [chosen.id])
        for row in rows {
            let trial = CheckedRow(row: row, file: path, place: "table trials")
            let id = try trial.value("trial_id", as: Int64.self), number = try trial.value("number", as: Int.self)
            guard number >= 0 && number < 1 << 40, seen.insert(number).inserted else {
                throw SlopeError.store(file: path, reason: "table trials: the trial number \(number) is negative, too large or repeated", problem: .damaged)
            }
            let cells = CheckedRow(row: row, file: path, place: "trial \(number)")
            var parameters: [(name: String, value: ParameterValue)] = []
            for p in try Row.fetchAll(db, sql: "SELECT param_name, param_value, distribution_json FROM trial_params WHERE trial_id = ? ORDER BY param_id", arguments: [id]) {
                let param = CheckedRow(row: p, file: path, place: "trial \(number), table trial_params")
                let pname = try param.value("param_name", as: String.self), json = try param.value("distribution_json", as: String.self)
                guard let distribution = OptunaDistribution(json: json),
                      let value = distribution.value(internal: try param.value("param_value", as: Double.self)) else {
                    throw SlopeError.store(file: path, reason: "trial \(number) parameter \(Shown.quoted(pname)): cannot read the distribution \(Shown.quoted(json))", problem: .damaged)
                }
                if !distributions.contains(where: { $0.name == pname }) { distributions.append((pname, distribution)) }
                parameters.append((pname, value))
            }
            var values = [Double?](repeating: nil, count: objectives.count)
            for v in try Row.fetchAll(db, sql: "SELECT objective, value, value_type FROM trial_values WHERE trial_id = ?", arguments: [id]) {
                let value = CheckedRow(row: v, file: path, place: "trial \(number), table trial_values")
                let k = try value.value("objective", as: Int.self)
                if values.indices.contains(k), try value.optional("value_type", as: String.self) ?? "FINITE" == "FINITE" {
                    values[k] = try value.optional("value", as: Double.self)
                }
            }
            // Non-finite values are stored as NULL (with their kind in another column): left out.
            let intermediate = try db.tableExists("trial_intermediate_values")
                ? try Row.fetchAll(db, sql: "SELECT step, intermediate_value FROM trial_intermediate_values WHERE trial_id = ? AND intermediate_value IS NOT NULL ORDER BY step", arguments: [id])
                    .compactMap { row -> (step: Int, value: Double)? in
                        let cells = CheckedRow(row: row, file: path, place: "trial \(number), table trial_intermediate_values")
                        let step = try cells.value("step", as: Int.self), value = try cells.value("intermediate_value", as: Double.self)
                        return step >= 0 && value.isFinite ? (step, value) : nil
                    }
                : []
            let start = try cells.optional("datetime_start", as: String.self), end = try cells.optional("datetime_complete", as: String.self)
            trials.append(Trial(number: number, state: try cells.value("state", as: String.self), parameters: parameters,
                                values: values, duration: duration(start, end), intermediate: intermediate))
        }
        // Parameters in order of first suggestion within each trial, across the study.
        let order = Dictionary(distributions.map(\.name).enumerated().map { ($1, $0) }) { first, _ in first }
        trials = trials.map { t in
            Trial(number: t.number, state: t.state,
                  parameters: t.parameters.sorted { (order[$0.name] ?? Int.max) < (order[$1.name] ?? Int.max) },
                  values: t.values, duration: t.duration, intermediate: t.intermediate)
        }
        return OptunaStudy(path: path, name: chosen.name, objectives: objectives, distributions: distributions, trials: trials)
    }

    /// The study's objectives: directions, with the names set by `set_metric_names` or
    /// Optuna's defaults ("value", or "values_0", "values_1", ...).
    private static func objectivesOf(_ db: Database, study: Int64, path: String) throws -> [Objective] {
        let directions = try Row.fetchAll(db, sql: "SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective", arguments: [study])
            .map { try CheckedRow(row: $0, file: path, place: "table study_directions").value("direction", as: String.self) }
        var names = directions.count == 1 ? ["value"] : directions.indices.map { "values_\($0)" }
        if try db.tableExists("study_system_attributes"),
           let row = try Row.fetchOne(db, sql: "SELECT value_json FROM study_system_attributes WHERE study_id = ? AND key = 'study:metric_names'", arguments: [study]),
           let json = try CheckedRow(row: row, file: path, place: "table study_system_attributes").optional("value_json", as: String.self),
           case let .array(list)? = JSONValue.parse(json), list.count == directions.count {
            names = zip(list, names).map { item, fallback in if case let .string(s) = item { return s } else { return fallback } }
        }
        return zip(names, directions).map { Objective(name: $0, direction: $1 == "MAXIMIZE" ? .maximize : .minimize) }
    }

    private static func duration(_ start: String?, _ end: String?) -> Double? {
        guard let start = start.flatMap(seconds), let end = end.flatMap(seconds) else { return nil }
        return end - start
    }

    /// Seconds since the epoch of Optuna's "YYYY-MM-DD HH:MM:SS[.ffffff]" (UTC or local; only differences are used).
    private static func seconds(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":")
        guard day.count == 3, time.count == 3, let h = Double(time[0]), let m = Double(time[1]), let s = Double(time[2]) else { return nil }
        var c = DateComponents()
        c.year = day[0]; c.month = day[1]; c.day = day[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: c) else { return nil }
        return date.timeIntervalSince1970 + h * 3600 + m * 60 + s
    }
}
