"""Writes optuna_pruners.json: Optuna's MedianPruner, SuccessiveHalvingPruner,
HyperbandPruner and ThresholdPruner run on seeded learning curves, trial after trial, step after step (report,
then should_prune), as slope's pruner must decide them. Run once with Optuna installed
(e.g. the venv of bench/search): python make_pruner_fixture.py > optuna_pruners.json"""
import json
import math

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)


def curves(seed, trials, steps, nan_trials=()):
    rng = np.random.default_rng(seed)
    out = []
    for t in range(trials):
        level, rate = rng.uniform(0.1, 1.0), rng.uniform(0.05, 0.5)
        curve = [float(level + (1.5 - level) * math.exp(-rate * s) + rng.normal(0, 0.03)) for s in range(1, steps + 1)]
        if t in nan_trials:
            curve[steps // 2] = float("nan")
        out.append(curve)
    return out


def run(name, direction, pruner, data, settings):
    study = optuna.create_study(study_name=name, direction=direction, pruner=pruner,
                                storage=optuna.storages.InMemoryStorage())
    pruned = []
    for curve in data:
        trial = study.ask()
        at = None
        for step, value in enumerate(curve, start=1):
            trial.report(value, step)
            if trial.should_prune():
                at = step
                break
        if at is None:
            study.tell(trial, curve[-1])
        else:
            study.tell(trial, state=optuna.trial.TrialState.PRUNED)
        pruned.append(at)
    return {"study": name, "direction": direction, "pruner": settings,
            "curves": [[None if math.isnan(v) else v for v in c] for c in data], "pruned_at": pruned}


cases = []
for direction in ["minimize", "maximize"]:
    sign = 1 if direction == "minimize" else -1
    for warmup in [0, 3]:
        data = [[sign * v for v in c] for c in curves(1 + warmup, 30, 12, nan_trials=(17,))]
        cases.append(run("median-ref", direction, optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=warmup),
                         data, {"kind": "median", "startup_trials": 5, "warmup_steps": warmup}))
    for rf in [2, 3]:
        data = [[sign * v for v in c] for c in curves(10 + rf, 30, 20, nan_trials=(11,))]
        cases.append(run("asha-ref", direction, optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=rf),
                         data, {"kind": "asha", "min_step": 1, "reduction_factor": rf}))
    data = [[sign * v for v in c] for c in curves(20, 40, 20)]
    cases.append(run("hyperband-ref", direction,
                     optuna.pruners.HyperbandPruner(min_resource=1, max_resource=20, reduction_factor=3),
                     data, {"kind": "hyperband", "min_step": 1, "max_step": 20, "reduction_factor": 3}))
# Threshold: curves of which some diverge (grow after step 4) and one reports NaN; the
# cases are appended after the others, which stay as they were.
for direction in ["minimize", "maximize"]:
    sign = 1 if direction == "minimize" else -1
    for warmup, lower, upper in [(0, None, 2.0), (6, None, 2.0), (0, 0.3, 2.0)]:
        data = curves(40 + warmup, 24, 12, nan_trials=(7,))
        for t in (3, 9, 15, 21):
            data[t] = [v * (1 + 0.4 * max(0, s - 4)) for s, v in enumerate(data[t], start=1)]
        data = [[sign * v for v in c] for c in data]
        lo, hi = (lower, upper) if sign == 1 else ((None if upper is None else -upper), (None if lower is None else -lower))
        settings = {"kind": "threshold", "warmup_steps": warmup}
        if lo is not None:
            settings["lower"] = lo
        if hi is not None:
            settings["upper"] = hi
        cases.append(run("threshold-ref", direction, optuna.pruners.ThresholdPruner(lower=lo, upper=hi, n_warmup_steps=warmup),
                         data, settings))
print(json.dumps({"optuna": optuna.__version__, "cases": cases}))
