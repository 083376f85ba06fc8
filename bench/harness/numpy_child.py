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
    else:
        raise ValueError(k)
    for _ in range(3):
        f()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timing = measure(f)
    r = np.asarray(f())
    np.ascontiguousarray(r, dtype=np.float64).tofile(result_file)
    print(json.dumps({"status": "ok", "timing": timing, "peakRssMB": peak, "shape": list(r.shape),
                      "version": np.__version__}))


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
