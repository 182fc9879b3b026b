"""The trial side of a slope study: parameters in, step reports and metrics out.

slope runs each trial as a child process: the parameters come in the environment
(SLOPE_TRIAL_PARAMS as a JSON object, SLOPE_TRIAL_ID, SLOPE_TRIAL_SEED), the metrics go out as
one JSON object on the last stdout line. Intermediate reports are JSON objects with an integer
"step". When slope stops a trial (Ctrl-C on the study, a lost lease, a pruner) it sends SIGTERM
and, a grace period later, SIGKILL to the trial's process group.
"""

import json
import math
import os
import signal
import sys

__all__ = ["Trial", "Stopped"]


class Stopped(Exception):
    """slope asked the trial to stop (SIGTERM): save what is worth saving and exit."""


class Trial:
    """One trial as slope runs it.

    Reads the parameters from the environment (or from `params`, for a run outside slope) and,
    unless `handle_sigterm` is False, turns SIGTERM into `stopping` and a `Stopped` raised by
    the next `report`.
    """

    def __init__(self, params=None, handle_sigterm=True, stream=None):
        raw = os.environ.get("SLOPE_TRIAL_PARAMS")
        if params is not None:
            self.params = dict(params)
        elif raw is not None:
            parsed = json.loads(raw)
            if not isinstance(parsed, dict):
                raise ValueError("SLOPE_TRIAL_PARAMS is not a JSON object")
            self.params = parsed
        else:
            raise RuntimeError("not run by slope: SLOPE_TRIAL_PARAMS is not set (give params= to run by hand)")
        self.id = _int(os.environ.get("SLOPE_TRIAL_ID"))
        self.seed = _int(os.environ.get("SLOPE_TRIAL_SEED"))
        self.stopping = False
        self._stream = stream if stream is not None else sys.stdout
        self._finished = False
        if handle_sigterm:
            signal.signal(signal.SIGTERM, self._on_sigterm)
            # A launcher may have started the script with SIGTERM blocked (a thread's mask is
            # inherited through exec): unblocked, so that slope's stop reaches the script.
            if hasattr(signal, "pthread_sigmask"):
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})

    def _on_sigterm(self, signum, frame):
        self.stopping = True

    def report(self, step, **metrics):
        """Prints an intermediate report of `step` (an integer; NaN or infinite values as null)
        and raises `Stopped` when slope has asked the trial to stop."""
        if isinstance(step, bool) or not isinstance(step, int):
            raise TypeError("step must be an integer, not %r" % (step,))
        if "step" in metrics:
            raise ValueError("a metric cannot be named 'step'")
        # A value that is not finite (a training that diverged) is reported as null: the
        # pruner reads it as NaN and stops the trial.
        self._print(dict({"step": step}, **_numbers(metrics, diverged=None)))
        if self.stopping:
            raise Stopped("slope asked trial %s to stop at step %d" % (self.id, step))

    def finish(self, **metrics):
        """Prints the metrics line: the trial's result (every objective, a finite number)."""
        if self._finished:
            raise RuntimeError("finish was called twice: slope reads the last line only")
        if "step" in metrics:
            raise ValueError("the metrics line has no 'step' (that is a report)")
        self._print(_numbers(metrics))
        self._finished = True

    def _print(self, obj):
        self._stream.write(json.dumps(obj, allow_nan=False) + "\n")
        self._stream.flush()


_REFUSE = object()


def _numbers(metrics, diverged=_REFUSE):
    """The metrics as floats; a value that is not finite becomes `diverged`, or is refused."""
    out = {}
    for name, value in metrics.items():
        value = float(value)
        if not math.isfinite(value):
            if diverged is _REFUSE:
                raise ValueError("metric %r is not a finite number: %r" % (name, value))
            value = diverged
        out[name] = value
    return out


def _int(text):
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
