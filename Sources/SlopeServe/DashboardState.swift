import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy

/// What the dashboard serves, read from the store without writing to it: a snapshot of the
/// study (read again once it is `refresh` seconds old, when a request asks) and the analysis
/// of its trials, computed off the request path whenever the finished trials change and
/// served from its cache meanwhile.
actor DashboardState {
    /// The study as read at one moment.
    struct Snapshot: Sendable {
        let overview: StudyOverview
        let curves: [LearningCurve]
        let readAt: ContinuousClock.Instant

        /// Trials finished either way: what the analysis depends on.
        var finished: Int { overview.trials.filter(\.state.isFinished).count }
    }

    /// Where the analysis stands.
    enum Analysis: Sendable {
        case none
        case computing(finished: Int)
        case ready(StudyAnalysisResult, finished: Int)
        case failed(String, finished: Int)
    }

    let request: DashboardRequest
    /// Raised when the server stops: stops an analysis under way.
    nonisolated let stop = StopFlag()
    private var snapshot: Snapshot?
    private(set) var analysis: Analysis = .none
    private var analysing: Task<Void, Never>?

    init(request: DashboardRequest) { self.request = request }

    /// The latest snapshot, read again when it is older than the refresh interval. Requests
    /// that come while it is read wait for that one read (never one read each).
    /// - Throws: `SlopeError` when the store cannot be read.
    func current() async throws -> Snapshot {
        if let snapshot, snapshot.readAt.duration(to: .now) < .seconds(request.refresh) { return snapshot }
        if let reading { return try await reading.value }
        let request = self.request
        let read = Task { try await Self.read(request) }
        reading = read
        defer { reading = nil }
        let fresh = try await read.value
        snapshot = fresh
        startAnalysisIfChanged(fresh)
        return fresh
    }

    /// The read in progress, if any.
    private var reading: Task<Snapshot, any Error>?

    /// One read of the study, the store opened once: what `study status` reads, and the step
    /// reports.
    private static func read(_ request: DashboardRequest) async throws -> Snapshot {
        let store = try await request.status.opener.reading(request.status.store, study: request.status.study)
        let (overview, reports) = try await store.closing { store in
            (try await StudyStatusJob.overview(of: store, lease: request.status.lease), try await store.stepReports())
        }
        let objectives = overview.spec.objectives.map(\.name)
        return Snapshot(overview: overview, curves: TrialSource.curves(overview.trials, reports: reports, objectives: objectives),
                        readAt: .now)
    }

    /// Starts the analysis of `snapshot`'s trials unless one of the same count is done or
    /// under way.
    private func startAnalysisIfChanged(_ snapshot: Snapshot) {
        let finished = snapshot.finished
        switch analysis {
        case let .ready(_, n) where n == finished: return
        case let .failed(_, n) where n == finished: return
        case .computing: return  // the next snapshot starts the next one
        default: break
        }
        guard finished > 0 else { return }
        analysis = .computing(finished: finished)
        let request = self.request, context = JobContext(stop: stop)
        analysing = Task.detached(priority: .utility) { [weak self] in
            let outcome: Analysis
            do throws(SlopeError) {
                var options = StudyAnalysisOptions()
                options.permutations = request.permutations
                options.pairs = true
                let job = try StudyAnalysisRequest(source: request.status.store, study: request.status.study, options: options,
                                                   opener: request.status.opener)
                outcome = .ready(try await StudyAnalysisJob.run(job, context: context), finished: finished)
            } catch {
                outcome = .failed(error.description, finished: finished)
            }
            await self?.finish(outcome)
        }
    }

    private func finish(_ outcome: Analysis) { analysis = outcome }

    /// What a route renders from the current snapshot and analysis, rendered once per
    /// snapshot and analysis state however many requests ask (a page of thousands of trials
    /// is not written again for each).
    func rendered(_ route: String, _ render: @Sendable (Snapshot, Analysis) throws -> String) async throws -> String {
        let snapshot = try await current()
        let key = "\(snapshot.readAt)|\(analysis.tag)"
        if let cached = renderings[route], cached.key == key { return cached.body }
        let body = try render(snapshot, analysis)
        renderings[route] = (key, body)
        return body
    }

    /// The last rendering of each route, with the snapshot and analysis it was made from.
    private var renderings: [String: (key: String, body: String)] = [:]
}

extension DashboardState.Analysis {
    /// Tells analysis states apart (for the renderings' cache).
    var tag: String {
        switch self {
        case .none: return "none"
        case let .computing(n): return "computing \(n)"
        case let .ready(_, n): return "ready \(n)"
        case let .failed(_, n): return "failed \(n)"
        }
    }
}
