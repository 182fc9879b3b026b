"""Optuna's own hyperparameter importances for a study, to read next to `slope study analyze`.

    pip install optuna
    python examples/optuna_importances.py optuna.db --study my-study

prints, for each objective, optuna.importance.get_param_importances with PED-ANOVA restricted,
like slope's goal-oriented HSIC, to the best 10 % of the trials (Optuna 5's default evaluator is
PED-ANOVA at its own default quantile, also printed), and with fANOVA when scikit-learn is
installed. Then compare with

    slope study analyze optuna.db --study my-study --goal 0.1

Optuna's importances are shares that sum to 1 and carry no p-values; slope's R2-HSIC values
are not shares, but the stacked bar of its report shows HSIC shares that read the same way.
"""
import argparse

import optuna
from optuna.importance import FanovaImportanceEvaluator, PedAnovaImportanceEvaluator, get_param_importances

parser = argparse.ArgumentParser()
parser.add_argument("storage", help="Optuna's SQLite storage file")
parser.add_argument("--study", help="the study name (default: the only one)")
args = parser.parse_args()

url = f"sqlite:///{args.storage}"
name = args.study or optuna.get_all_study_names(url)[0]
study = optuna.load_study(study_name=name, storage=url)
names = study.metric_names or (["value"] if len(study.directions) == 1 else [f"values_{k}" for k in range(len(study.directions))])
for k, objective in enumerate(names):
    target = None if len(study.directions) == 1 else (lambda t, k=k: t.values[k])
    for label, make in (("default evaluator", lambda: None),
                        ("PED-ANOVA, best 10 %", lambda: PedAnovaImportanceEvaluator(target_quantile=0.1)),
                        ("fANOVA", lambda: FanovaImportanceEvaluator(seed=0))):
        try:
            importances = get_param_importances(study, evaluator=make(), target=target)
        except Exception as error:  # PED-ANOVA needs enough trials; report and go on
            print(f"{objective} ({label}): {error}")
            continue
        print(f"{objective} ({label}):")
        for parameter, share in importances.items():
            print(f"  {parameter:<20} {share:.3f}")
