"""One NumPy benchmark process: numpy_child.py <workload json> <input dir> <result file>.
The same phases and timing policy as child.ts (minus the JIT warm mix, which NumPy does
not need): 3 calls, peak RSS, timing, one result written as float64. Prints one JSON line.
Run by the runner with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from the environment."""
import json
import os
import resource
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from timer import measure  # noqa: E402

SIDE = 1000


def main():
    w = json.loads(sys.argv[1])
    d, result_file = sys.argv[2], sys.argv[3]
    dt = np.float64 if w["dtype"] == "float64" else np.float32

    def inp(name, shape):
        return np.fromfile(os.path.join(d, f"{name}.{w['dtype']}"), dtype=dt).reshape(shape)

    a = inp("a", (SIDE, SIDE))
    b = inp("b", (SIDE, SIDE))
    c = inp("c", (SIDE,))
    k = w["kind"]
    if k == "add":
        f = lambda: np.add(a, b)
    elif k == "add_bcast":
        f = lambda: np.add(a, c)
    elif k == "exp":
        f = lambda: np.exp(a)
    elif k == "sum":
        f = lambda: a.sum()
    elif k == "sum_ax0":
        f = lambda: a.sum(axis=0)
    elif k == "sum_ax1":
        f = lambda: a.sum(axis=1)
    elif k == "argmax_ax1":
        f = lambda: a.argmax(axis=1)
    elif k == "std":
        f = lambda: a.std()
    elif k == "transpose_copy":
        f = lambda: np.ascontiguousarray(a.T)
    elif k == "strided_add":
        f = lambda: a[::2, ::-1] + 1
    elif k == "matmul":
        n = w["n"]
        A = inp(f"A{n}", (n, n))
        B = inp(f"B{n}", (n, n))
        f = lambda: A @ B
    elif k == "add100":
        x = inp("x", (100,))
        y = inp("y", (100,))
        f = lambda: np.add(x, y)
    elif k == "mlp_step":
        f, read = mlp_step(inp)
    elif k == "conv2d":
        f = conv2d(inp)
    else:
        raise ValueError(k)
    if k != "mlp_step":
        read = f
    for _ in range(3):
        f()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timing = measure(f)
    r = np.asarray(read())
    np.ascontiguousarray(r, dtype=np.float64).tofile(result_file)
    print(json.dumps({"status": "ok", "timing": timing, "peakRssMB": peak, "shape": list(r.shape),
                      "version": np.__version__}))


def mlp_step(inp):
    """The MLP training step of workloads.ts written out in NumPy: forward, softmax
    cross-entropy (mean), backward by hand (no gradient for X), SGD on the four parameters.
    Returns the step (updating the parameters in place) and a reader that restarts from the
    initial parameters, takes one step and returns [loss, W1, b1, W2, b2] flattened."""
    B, I, H, O, lr = 64, 784, 128, 10, 0.01
    X = inp("X", (B, I))
    y = inp("Y", (B,)).astype(np.intp)
    init = {"W1": inp("W1", (H, I)), "b1": inp("b1", (H,)), "W2": inp("W2", (O, H)), "b2": inp("b2", (O,))}
    P = {n: v.copy() for n, v in init.items()}
    rows = np.arange(B)

    def step():
        W1, b1, W2, b2 = P["W1"], P["b1"], P["W2"], P["b2"]
        h = X @ W1.T + b1
        a = np.maximum(h, 0)
        z = a @ W2.T + b2
        zs = z - z.max(axis=1, keepdims=True)
        e = np.exp(zs)
        s = e.sum(axis=1, keepdims=True)
        loss = -(zs[rows, y] - np.log(s[:, 0])).mean()
        dz = e / s
        dz[rows, y] -= 1
        dz /= B
        dW2 = dz.T @ a
        db2 = dz.sum(axis=0)
        dh = (dz @ W2) * (h > 0)
        dW1 = dh.T @ X
        db1 = dh.sum(axis=0)
        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2
        return loss

    def read():
        for n, v in init.items():
            P[n][...] = v
        loss = step()
        return np.concatenate([[np.float64(loss)]] + [P[n].ravel().astype(np.float64) for n in ("W1", "b1", "W2", "b2")])

    return step, read


def conv2d(inp):
    """conv2d of workloads.ts (stride 1, padding 1) as im2col + matmul in NumPy: the
    windows as (N, C*K*K, H*W) columns (the fastest of the layouts tried: 1.6 ms float32
    against 7.8 ms for (N*H*W, C*K*K) rows) and one batched product with the weights."""
    from numpy.lib.stride_tricks import sliding_window_view
    N, C, H, W, OC, K = 32, 3, 32, 32, 16, 3
    x = inp("cx", (N, C, H, W))
    wm = inp("cw", (OC, C, K, K)).reshape(OC, C * K * K)
    b = inp("cb", (OC,))

    def f():
        xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
        cols = sliding_window_view(xp, (K, K), axis=(2, 3))  # (N, C, H, W, K, K)
        cols = cols.transpose(0, 1, 4, 5, 2, 3).reshape(N, C * K * K, H * W)
        return (wm @ cols).reshape(N, OC, H, W) + b[:, None, None]

    return f


def info():
    """NumPy's version, BLAS and thread count (OpenBLAS's own answer when it can be asked)."""
    out = {"version": np.__version__, "blas": None, "threads": None, "cpus": os.cpu_count()}
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        out["blas"] = f"{blas.get('name')} {blas.get('version')}"
    except Exception as e:  # noqa: BLE001
        out["blas"] = f"unknown ({e})"
    try:
        import threadpoolctl  # type: ignore
        pools = threadpoolctl.threadpool_info()
        out["threads"] = max(p["num_threads"] for p in pools if p["user_api"] == "blas")
        out["threadsFrom"] = "threadpoolctl"
    except Exception:  # noqa: BLE001
        import ctypes
        import glob
        libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*"))
        for path in libs:
            lib = ctypes.CDLL(path)
            for sym in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
                fn = getattr(lib, sym, None)
                if fn is not None:
                    out["threads"] = int(fn())
                    out["threadsFrom"] = f"OpenBLAS {sym}()"
                    break
            if out["threads"] is not None:
                break
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "--info":
        info()
    else:
        main()
