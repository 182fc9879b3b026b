import Foundation
import SlopeCore
import SlopeOutput
import SlopeStudy

/// The dashboard's pages: the study's overview (the state of every trial, its best, its
/// workers and failures, its optimisation history and learning curves, its trials), and the
/// analysis (the report of `study analyze`). Every name and value shown is escaped.
enum DashboardPage {
    /// The overview; its script polls `/api/status` and, when the trials change, reads the page
    /// again and swaps its content in place (no reload).
    static func overview(_ snapshot: DashboardState.Snapshot, analysis: DashboardState.Analysis, refresh: Double) -> String {
        let o = snapshot.overview, spec = o.spec
        var sections = [HTMLPage.Section(
            id: "state", title: "State",
            caption: "What `slope study status` says: trials by state, the best trial of each objective within the constraints, stage decisions, wall time and memory, the workers and every failure with its reason.",
            body: progressBar(o) + "<pre>" + XML.escape(StudyStatusText.render(o, countsOnly: false)) + "</pre>")]
        for (k, objective) in spec.objectives.enumerated() {
            let points = o.trials.compactMap { t -> OptimisationHistoryFigure.Point? in
                guard t.state == .done || t.state == .pruned, let v = t.metric(objective.name) else { return nil }
                return OptimisationHistoryFigure.Point(trial: t.id, value: v, pruned: t.state == .pruned)
            }
            if let svg = OptimisationHistoryFigure.render(points, objective: objective.name, direction: objective.direction) {
                sections.append(HTMLPage.Section(
                    id: "history-\(k)", title: "History of \(objective.name)",
                    caption: "Each finished trial's \(objective.name) by trial number (red crosses: pruned trials at their last report); the orange staircase is the best so far.",
                    body: svg))
            }
            let best = Set(o.best.filter { $0.objective.name == objective.name }.map { "\($0.trial)" })
            if let svg = LearningCurveFigure.render(snapshot.curves, objective: objective.name, direction: objective.direction, goal: best) {
                sections.append(HTMLPage.Section(
                    id: "curves-\(k)", title: "Learning curves of \(objective.name)",
                    caption: "Each line is one trial's step reports; orange: the best trial; red, ending in a cross: trials the pruner stopped there.",
                    body: svg))
            }
        }
        sections.append(HTMLPage.Section(
            id: "trials", title: "Trials",
            caption: "Every trial; choose a state or a stage to filter, click a column's title to sort.",
            body: trialsTable(o)))
        sections.append(HTMLPage.Section(id: "analysis", title: "Analysis", caption: analysisCaption(analysis),
                                         body: "<p><a href=\"analysis\">The analysis of the finished trials</a></p>"))
        let summary = ["study \(spec.name) · \(counted(o.trials.count, "trial")) · read \(Self.time()) · updated every \(String(format: "%g", refresh)) s"]
        return HTMLPage(title: "slope study: \(spec.name)", summary: summary, sections: sections, script: script(refresh: refresh)).render()
    }

    /// The report of `study analyze` once it is computed; until then a page that looks again.
    static func analysis(_ state: DashboardState.Analysis, spec: StudySpec) -> String {
        switch state {
        case let .ready(result, _):
            return StudyReport.render(result.analysis, trials: result.trials, curves: result.curves)
        case let .failed(message, n):
            return waiting("The analysis of \(counted(n, "finished trial")) could not be made: \(message)", spec: spec)
        case let .computing(n):
            return waiting("Computing the analysis of \(counted(n, "finished trial")) (this page looks again every 2 s).", spec: spec, again: true)
        case .none:
            return waiting("No trial has finished yet (this page looks again every 2 s).", spec: spec, again: true)
        }
    }

    private static func waiting(_ line: String, spec: StudySpec, again: Bool = false) -> String {
        let page = HTMLPage(title: "slope study: \(spec.name), analysis", summary: [line], sections: [],
                            script: again ? "setTimeout(function(){location.reload()},2000)" : nil)
        return page.render()
    }

    private static func analysisCaption(_ state: DashboardState.Analysis) -> String {
        switch state {
        case let .ready(_, n): return "Which hyperparameters decide each objective, with p-values, intervals and pairs: the report of slope study analyze on the \(counted(n, "finished trial")), recomputed when trials finish."
        case let .computing(n): return "Computing the analysis of \(counted(n, "finished trial"))…"
        case let .failed(message, _): return "The analysis could not be made: \(message)"
        case .none: return "No trial has finished yet."
        }
    }

    /// Trials by state as one bar.
    private static func progressBar(_ o: StudyOverview) -> String {
        let total = max(1, o.trials.count)
        let states: [(TrialState, String)] = [(.done, "#1a9850"), (.pruned, "#fdae61"), (.failed, "#d73027"), (.running, "#4575b4"), (.pending, "#ddd")]
        let parts = states.map { state, colour in
            let n = o.count(state)
            return "<span class=\"bar\" data-state=\"\(state.rawValue)\" style=\"width:\(String(format: "%.3f", 100 * Double(n) / Double(total)))%;background:\(colour)\" title=\"\(n) \(state.rawValue)\"></span>"
        }
        let legend = states.map { state, colour in "<span style=\"color:\(colour)\">■</span> <span id=\"count-\(state.rawValue)\">\(o.count(state))</span> \(state.rawValue)" }
        return "<div style=\"display:flex;height:14px;border:1px solid #bbb;max-width:760px\">" + parts.joined() + "</div><p>" + legend.joined(separator: " · ") + "</p>"
    }

    private static func trialsTable(_ o: StudyOverview) -> String {
        let names = o.spec.space.parameters.map(\.name), objectives = o.spec.objectives.map(\.name)
        let head = ["id", "state", "stage"] + names + objectives + ["wall_time_s", "last_step", "worker", "failure"]
        let states: String = TrialState.allCases.map { "<option>\($0.rawValue)</option>" }.joined()
        let stages: String = o.spec.stages.enumerated().map { k, stage in "<option value=\"\(k)\">\(XML.escape(stage.name))</option>" }.joined()
        var out = "<p><label>state <select id=\"state-filter\"><option value=\"\">all</option>\(states)</select></label>"
        out += " <label>stage <select id=\"stage-filter\"><option value=\"\">all</option>\(stages)</select></label></p>"
        out += "<table id=\"trials-table\"><thead><tr>" + head.map { "<th style=\"cursor:pointer\">\(XML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for t in o.trials {
            var cells: [String] = ["\(t.id)", t.state.rawValue, "\(t.stage)"]
            cells += names.map { t.parameters[$0]?.description ?? "" }
            cells += objectives.map { name -> String in t.metric(name).map { TextTable.significant($0) } ?? "" }
            let wall: String = t.wallTime.map { String(format: "%.2f", $0) } ?? ""
            cells += [wall, t.lastStep.map { "\($0)" } ?? "", t.worker ?? "", t.state == .failed ? t.failureLine : ""]
            out += "<tr data-state=\"\(t.state.rawValue)\" data-stage=\"\(t.stage)\">" + cells.map { "<td>\(XML.escape(Shown.bare($0, limit: 200)))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// The page's own script: live counts, the content swapped in place when trials change,
    /// the trials table's filter and sort. The body's data-finished-first and
    /// data-finished-last hold the finished count at the first poll and the latest.
    private static func script(refresh: Double) -> String {
        """
        (function(){var seen=null;\
        function wire(){var f=document.getElementById('state-filter'),g=document.getElementById('stage-filter'),t=document.getElementById('trials-table');if(!f||!g||!t)return;\
        f.onchange=g.onchange=function(){var v=f.value,w=g.value;t.querySelectorAll('tbody tr').forEach(function(r){\
        r.style.display=((!v||r.dataset.state===v)&&(!w||r.dataset.stage===w))?'':'none'})};\
        t.querySelectorAll('th').forEach(function(h,k){h.onclick=function(){var b=t.tBodies[0],rows=Array.from(b.rows),up=h.dataset.up!=='1';h.dataset.up=up?'1':'0';\
        rows.sort(function(x,y){var a=x.cells[k].textContent,c=y.cells[k].textContent,na=parseFloat(a),nc=parseFloat(c);\
        var d=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return up?d:-d});rows.forEach(function(r){b.appendChild(r)})}})}\
        function poll(){fetch('api/status',{cache:'no-store'}).then(function(r){return r.json()}).then(function(s){\
        Object.keys(s.counts).forEach(function(k){var e=document.getElementById('count-'+k);if(e)e.textContent=s.counts[k]});\
        var n=s.counts.done+s.counts.failed+s.counts.pruned,b=document.body.dataset;if(b.finishedFirst===undefined)b.finishedFirst=n;b.finishedLast=n;\
        if(seen!==null&&s.version!==seen){fetch('./',{cache:'no-store'}).then(function(r){return r.text()}).then(function(h){\
        var d=new DOMParser().parseFromString(h,'text/html');['main','#summary'].forEach(function(q){var a=document.querySelector(q),b=d.querySelector(q);if(a&&b)a.innerHTML=b.innerHTML});wire()})}\
        seen=s.version}).catch(function(){}).finally(function(){setTimeout(poll,\(Int(max(1, refresh) * 2000)))})}\
        wire();poll()})();
        """
    }

    private static func time() -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: Date())
    }
}
