"""Optuna's Parzen estimator on seeded random observations: the reference for slope's TPE
estimator (TPETests). Run with Optuna 5 (e.g. .build/search-venv/bin/python, set up by
bench/search) from this folder; writes optuna_parzen.json.

Multivariate cases use distinct values on every numeric axis: Optuna orders tied values with
numpy's argsort, whose order for ties is not defined (SIMD sorts), and with several axes the
order decides which trial's kernel gets which width. Single-axis cases have ties; there the
order does not matter as long as every trial weighs the same (fewer than 25), so the integer
and stepped axes get 20 draws and the others 30 (where the oldest weigh less)."""
import json
import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights

rng = np.random.RandomState(7)
# The axes slope's domains map to: uniform, log_uniform_values, int_uniform, q_uniform, values.
AXES = [
    ("uniform", {"min": -1.0, "max": 2.0}, FloatDistribution(-1.0, 2.0)),
    ("log", {"min": 1e-5, "max": 0.1}, FloatDistribution(1e-5, 0.1, log=True)),
    ("int", {"min": 1, "max": 9}, IntDistribution(1, 9)),
    ("quantized", {"min": 0.0, "max": 1.0, "q": 0.25}, FloatDistribution(0.0, 1.0, step=0.25)),
    ("values", {"count": 3}, CategoricalDistribution(["a", "b", "c"])),
]


def draw(kind, spec, n, distinct=False):
    if kind == "uniform":
        return list(rng.uniform(spec["min"], spec["max"], n))
    if kind == "log":
        return list(np.exp(rng.uniform(np.log(spec["min"]), np.log(spec["max"]), n)))
    if kind == "int":
        if distinct:
            return [int(x) for x in rng.choice(np.arange(spec["min"], spec["max"] + 1), n, replace=False)]
        return [int(x) for x in rng.randint(spec["min"], spec["max"] + 1, n)]
    if kind == "quantized":
        if distinct:
            return [float(x) * spec["q"] for x in rng.choice(5, n, replace=False)]
        return [float(x) * spec["q"] for x in rng.randint(0, 5, n)]
    return [int(x) for x in rng.randint(0, spec["count"], n)]


cases = []
shapes = [(n, [kind for kind, _, _ in AXES]) for n in [0, 1, 2, 3, 5]] + [(20 if kind in ("int", "quantized") else 30, [kind]) for kind, _, _ in AXES]
for n, kinds in shapes:
    chosen = [(kind, spec, dist) for kind, spec, dist in AXES if kind in kinds]
    space = {kind: dist for kind, _, dist in chosen}
    observations = {kind: np.array(draw(kind, spec, n, distinct=len(kinds) > 1)) for kind, spec, _ in chosen}
    points = {kind: np.array(draw(kind, spec, 6)) for kind, spec, _ in chosen}
    params = _ParzenEstimatorParameters(prior_weight=1.0, consider_magic_clip=True, consider_endpoints=False,
                                        weights=default_weights, multivariate=True)
    estimator = _ParzenEstimator(observations, space, params)
    cases.append({
        "axes": kinds,
        "observations": {k: [float(x) for x in v] for k, v in observations.items()},
        "points": {k: [float(x) for x in v] for k, v in points.items()},
        "log_pdf": [float(x) for x in estimator.log_pdf(points)],
    })
with open("optuna_parzen.json", "w") as f:
    json.dump({"optuna": optuna.__version__, "axes": [{"kind": k, **s} for k, s, _ in AXES], "cases": cases}, f, indent=1)
