"""Writes optuna.db (Optuna's own SQLite storage) and optuna_expected.json (what Optuna's API
reads back from it), the fixture of slope's Optuna reader. Run once with Optuna installed:

    python make_optuna_fixture.py        # Optuna 5.0.0 made the committed files

Two studies: "toy" (one objective, every distribution type, a conditional parameter, failed and
pruned trials) and "multi" (two named objectives, one maximised).
"""
import json
import math
import os

import optuna

HERE = os.path.dirname(os.path.abspath(__file__))
DB = os.path.join(HERE, "optuna.db")
if os.path.exists(DB):
    os.remove(DB)
storage = f"sqlite:///{DB}"
optuna.logging.set_verbosity(optuna.logging.WARNING)


def toy(trial):
    lr = trial.suggest_float("lr", 1e-4, 1.0, log=True)
    width = trial.suggest_int("width", 16, 256, step=16)
    depth = trial.suggest_int("depth", 1, 4)
    dropout = trial.suggest_float("dropout", 0.0, 0.5)
    optimizer = trial.suggest_categorical("optimizer", ["sgd", "adam"])
    if optimizer == "sgd":
        trial.suggest_float("momentum", 0.0, 0.99)
    use_bn = trial.suggest_categorical("batch_norm", [True, False])
    if trial.number % 7 == 3:
        raise RuntimeError("diverged")
    value = (math.log10(lr) + 2) ** 2 + width / 256 + 0.1 * depth + dropout + (0.2 if use_bn else 0)
    trial.report(value, 0)
    if trial.number % 11 == 5:
        raise optuna.TrialPruned()
    return value


study = optuna.create_study(study_name="toy", storage=storage, sampler=optuna.samplers.RandomSampler(seed=0))
study.optimize(toy, n_trials=30, catch=(RuntimeError,))


def multi(trial):
    x = trial.suggest_float("x", -1.0, 1.0)
    k = trial.suggest_int("k", 1, 1000, log=True)
    return x * x + 1 / k, k * 0.5 + x


study2 = optuna.create_study(study_name="multi", storage=storage, directions=["minimize", "maximize"],
                             sampler=optuna.samplers.RandomSampler(seed=1))
study2.set_metric_names(["error", "throughput"])
study2.optimize(multi, n_trials=12)

expected = {}
for name in ("toy", "multi"):
    s = optuna.load_study(study_name=name, storage=storage)
    expected[name] = {
        "directions": [d.name.lower() for d in s.directions],
        "metric_names": s.metric_names,
        "trials": [{
            "number": t.number,
            "state": t.state.name,
            "params": t.params,
            "distributions": {k: type(v).__name__ + ("(log)" if getattr(v, "log", False) else "")
                              for k, v in t.distributions.items()},
            "values": t.values,
            "intermediate_values": {str(k): v for k, v in sorted(t.intermediate_values.items())},
        } for t in s.trials],
    }
with open(os.path.join(HERE, "optuna_expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
print("wrote", DB)
