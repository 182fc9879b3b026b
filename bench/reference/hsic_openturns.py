"""HSIC indices with OpenTURNS (the reference of slope's HSIC tests), timed, for bench/run.

usage: hsic_openturns.py DATA.csv B ESTIMATOR   (B = 0: indices only)
DATA.csv: inputs x1..xd, output y (last column). Gaussian (squared exponential) kernels with
the scale of each input its standard deviation, as slope's default. ESTIMATOR is V or U.
Prints {"seconds_indices": ..., "seconds_permutation": ...}: the time of the indices (and
OpenTURNS's asymptotic p-values) and, separately, of B permutations.
"""
import json
import sys
import time

import numpy as np
import openturns as ot


def main():
    path, permutations, estimator = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, y = ot.Sample(data[:, :-1]), ot.Sample(data[:, -1:])
    covariances = []
    for j in range(x.getDimension()):
        k = ot.SquaredExponential(1)
        k.setScale([x.getMarginal(j).computeStandardDeviation()[0]])
        covariances.append(k)
    ky = ot.SquaredExponential(1)
    ky.setScale([y.computeStandardDeviation()[0]])
    covariances.append(ky)
    kind = ot.HSICUStat() if estimator == "U" else ot.HSICVStat()
    start = time.perf_counter()
    algo = ot.HSICEstimatorGlobalSensitivity(covariances, x, y, kind)
    algo.getHSICIndices()
    algo.getR2HSICIndices()
    if estimator == "V":  # OpenTURNS has no asymptotic p-value for the U-statistic.
        algo.getPValuesAsymptotic()
    indices = time.perf_counter() - start
    permutation = 0.0
    if permutations > 0:
        algo.setPermutationSize(permutations)
        start = time.perf_counter()
        algo.getPValuesPermutation()
        permutation = time.perf_counter() - start
    print(json.dumps({"seconds_indices": indices, "seconds_permutation": permutation}))


if __name__ == "__main__":
    main()
