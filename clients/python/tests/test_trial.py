import io
import json
import os
import signal
import unittest

import slope_trial


class TrialTests(unittest.TestCase):
    def setUp(self):
        os.environ["SLOPE_TRIAL_PARAMS"] = '{"lr": 0.01, "optimizer": "adam"}'
        os.environ["SLOPE_TRIAL_ID"] = "7"
        os.environ["SLOPE_TRIAL_SEED"] = "42"

    def test_parameters_come_from_the_environment(self):
        trial = slope_trial.Trial(handle_sigterm=False, stream=io.StringIO())
        self.assertEqual(trial.params, {"lr": 0.01, "optimizer": "adam"})
        self.assertEqual((trial.id, trial.seed), (7, 42))

    def test_reports_and_the_metrics_line(self):
        out = io.StringIO()
        trial = slope_trial.Trial(handle_sigterm=False, stream=out)
        trial.report(0, error=0.5)
        trial.report(1, error=0.25, accuracy=0.9)
        trial.finish(error=0.25)
        lines = [json.loads(l) for l in out.getvalue().splitlines()]
        self.assertEqual(lines, [{"step": 0, "error": 0.5}, {"step": 1, "error": 0.25, "accuracy": 0.9}, {"error": 0.25}])
        with self.assertRaises(RuntimeError):
            trial.finish(error=0.2)

    def test_bad_values_are_refused(self):
        out = io.StringIO()
        trial = slope_trial.Trial(handle_sigterm=False, stream=out)
        # A diverged report is printed with null (slope's pruner reads NaN); a final one is refused.
        trial.report(0, error=float("nan"), accuracy=float("-inf"))
        self.assertEqual(json.loads(out.getvalue()), {"step": 0, "error": None, "accuracy": None})
        with self.assertRaises(ValueError):
            trial.finish(error=float("nan"))
        with self.assertRaises(TypeError):
            trial.report(1.5, error=0.1)
        with self.assertRaises(ValueError):
            trial.finish(step=3, error=0.1)

    def test_sigterm_raises_stopped_at_the_next_report(self):
        out = io.StringIO()
        trial = slope_trial.Trial(stream=out)
        trial.report(0, error=0.5)
        os.kill(os.getpid(), signal.SIGTERM)
        self.assertTrue(trial.stopping)
        with self.assertRaises(slope_trial.Stopped):
            trial.report(1, error=0.4)
        # The report was printed before the exception.
        self.assertEqual(json.loads(out.getvalue().splitlines()[-1]), {"step": 1, "error": 0.4})

    def test_outside_slope_params_are_given(self):
        del os.environ["SLOPE_TRIAL_PARAMS"]
        with self.assertRaises(RuntimeError):
            slope_trial.Trial(handle_sigterm=False)
        self.assertEqual(slope_trial.Trial(params={"lr": 1}, handle_sigterm=False).params, {"lr": 1})


if __name__ == "__main__":
    unittest.main()
