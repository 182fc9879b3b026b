"""The derivative history by nested automatic differentiation in JAX (float64, jit-compiled,
compile time excluded): what a skilled user would write instead of slope.

usage: history_jax.py DATA.bin EPOCHS RESTARTS MODE [DUMP.bin]
MODE exact: d1 = grad, d2 and d3 the exact diagonals of the Hessian (jax.hessian) and of the
            third-derivative tensor (jacfwd of the Hessian), d2_tape and d3_tape their sums over
            the weights (docs/method.md: the tape sums run over the weights w_j, not the bias).
MODE tape:  only what nested reverse mode gives: d1, d2_tape = grad(sum_j grad_j),
            d3_tape = grad(sum_j d2_tape_j), j over the weights.
Restarts are vmapped, epochs a lax.scan; lr 0.01 full batch, as slope. Prints JSON.
"""
import json
import sys
import time

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402


def read(path):
    raw = np.fromfile(path, dtype=np.float64)
    header = np.frombuffer(raw[:2].tobytes(), dtype=np.int64)
    N, n = int(header[0]), int(header[1])
    x = raw[2:2 + N * n].reshape(N, n)
    t = raw[2 + N * n:2 + N * n + N]
    theta = raw[2 + N * n + N:2 + N * n + N + n + 1]
    return jnp.asarray(x), jnp.asarray(t), jnp.asarray(theta)


def main():
    path, epochs, restarts, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    x, t, theta0 = read(path)

    def loss(theta):
        return jnp.mean((jnp.tanh(x @ theta[:-1] + theta[-1]) - t) ** 2)

    grad = jax.grad(loss)

    if mode == "exact":
        hess = jax.hessian(loss)
        third = jax.jacfwd(hess)

        def quantities(theta):
            h, k = hess(theta), third(theta)
            d2, d3 = jnp.diagonal(h), jnp.einsum("iii->i", k)
            return grad(theta), d2, d3, h[:, :-1].sum(axis=1), k[:, :-1, :-1].sum(axis=(1, 2))
    else:
        d2t = jax.grad(lambda th: jnp.sum(grad(th)[:-1]))
        d3t = jax.grad(lambda th: jnp.sum(d2t(th)[:-1]))

        def quantities(theta):
            g = grad(theta)
            z = jnp.full_like(g, jnp.nan)
            return g, z, z, d2t(theta), d3t(theta)

    def epoch(theta, _):
        q = quantities(theta)
        record = jnp.concatenate([loss(theta)[None], *q])
        return theta - 0.01 * q[0], record

    def run(thetas, count):
        return jax.vmap(lambda th: jax.lax.scan(epoch, th, None, length=count))(thetas)

    thetas = jnp.tile(theta0, (restarts, 1))
    compiled = jax.jit(run, static_argnums=1).lower(thetas, epochs).compile()
    start = time.perf_counter()
    _, history = compiled(thetas)
    history.block_until_ready()
    seconds = time.perf_counter() - start
    history = np.asarray(history)
    if len(sys.argv) > 5:
        with open(sys.argv[5], "wb") as f:
            np.array([epochs, theta0.shape[0]], dtype=np.int64).tofile(f)
            history[0].astype(np.float64).tofile(f)
    print(json.dumps({"seconds": seconds, "final_loss": float(history[0, -1, 0])}))


if __name__ == "__main__":
    main()
