#!/usr/bin/env python3
"""A training loop in the shape of a PyTorch script, in plain Python: a linear model fitted by
mini-batch SGD to a seeded synthetic regression, reporting the validation error every epoch
through slope_trial, saving a checkpoint when slope asks it to stop.

Run by `slope study run examples/python-trial/study.yaml` (the spec names it), or by hand:
    SLOPE_TRIAL_PARAMS='{"lr": 0.05, "batch_size": 16}' python3 train.py
"""
import json
import random
import sys

import slope_trial

trial = slope_trial.Trial()
lr, batch_size = float(trial.params["lr"]), int(trial.params["batch_size"])
epochs = int(trial.params.get("epochs", 20))

# The data: y = 2 x0 - x1 + 0.5 x2 + noise, 400 training rows, 100 validation rows.
data = random.Random(7)
def row():
    x = [data.uniform(-1, 1) for _ in range(3)]
    return x, 2 * x[0] - x[1] + 0.5 * x[2] + data.gauss(0, 0.1)
train, valid = [row() for _ in range(400)], [row() for _ in range(100)]

order = random.Random(trial.seed or 0)
w, b = [0.0, 0.0, 0.0], 0.0
def error(rows):
    return sum((sum(wi * xi for wi, xi in zip(w, x)) + b - y) ** 2 for x, y in rows) / len(rows)

best = float("inf")
try:
    for epoch in range(epochs):
        order.shuffle(train)
        for start in range(0, len(train), batch_size):
            batch = train[start:start + batch_size]
            grad_w, grad_b = [0.0, 0.0, 0.0], 0.0
            for x, y in batch:
                residual = sum(wi * xi for wi, xi in zip(w, x)) + b - y
                grad_w = [g + 2 * residual * xi / len(batch) for g, xi in zip(grad_w, x)]
                grad_b += 2 * residual / len(batch)
            w = [wi - lr * g for wi, g in zip(w, grad_w)]
            b -= lr * grad_b
        validation = error(valid)
        if validation != validation or validation > 1e12:   # diverged: no metrics line, a failed trial
            print("diverged at epoch %d" % epoch, file=sys.stderr)
            sys.exit(3)
        best = min(best, validation)
        trial.report(epoch, error=validation)
except slope_trial.Stopped:
    with open("checkpoint-%s.json" % trial.id, "w") as f:
        json.dump({"epoch": epoch, "w": w, "b": b}, f)
    sys.exit(1)

trial.finish(error=best)
