"""The NumPy oracle: answers batched cases from test/oracle/numpy.ts over stdin/stdout.

One JSON request per line: {"cases": [{"code": str, "args": {name: value}}]}.
Each case's code is a Python expression (or statements assigning `result`) evaluated with
`np` and the decoded args. Values travel as
  {"nd": {"dtype", "shape", "b64"}} arrays (little-endian C-order bytes, exact NaN/-0/Inf),
  {"int": "123"}, {"float": "nan"|repr}, {"bool": true}, {"str": s}, {"list": [...]},
  {"none": true}, {"dict": {k: v}}.
The answer is one JSON line: {"results": [{"ok": value} | {"err": [type, message]}]}.
"""
import base64
import json
import os
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
np.seterr(all="ignore")


def decode(v):
    if "nd" in v:
        d = v["nd"]
        raw = base64.b64decode(d["b64"])
        a = np.frombuffer(raw, dtype=np.dtype(d["dtype"]).newbyteorder("<")).astype(d["dtype"])
        return a.reshape(d["shape"]).copy()
    if "int" in v:
        return int(v["int"])
    if "float" in v:
        return float(v["float"])
    if "bool" in v:
        return bool(v["bool"])
    if "str" in v:
        return v["str"]
    if "none" in v:
        return None
    if "list" in v:
        return [decode(x) for x in v["list"]]
    if "tuple" in v:
        return tuple(decode(x) for x in v["tuple"])
    if "dict" in v:
        return {k: decode(x) for k, x in v["dict"].items()}
    raise ValueError("cannot decode %r" % (v,))


def encode(x):
    if isinstance(x, np.ndarray) or isinstance(x, np.generic):
        a = np.asarray(x)
        if a.dtype == object:
            return {"str": repr(x)}
        a = a.copy(order="C")
        name = str(a.dtype)
        if a.dtype == np.float16:
            # numbat has no float16; send the values as float32, keep the name for the check
            a = a.astype(np.float32)
        return {
            "nd": {
                "dtype": name,
                "as": str(a.dtype),
                "shape": list(a.shape),
                "b64": base64.b64encode(a.astype(a.dtype.newbyteorder("<")).tobytes()).decode("ascii"),
                "scalar": isinstance(x, np.generic),
            }
        }
    if isinstance(x, bool):
        return {"bool": x}
    if isinstance(x, int):
        return {"int": str(x)}
    if isinstance(x, float):
        return {"float": repr(x)}
    if isinstance(x, str):
        return {"str": x}
    if x is None:
        return {"none": True}
    if isinstance(x, (list, tuple)):
        return {"list": [encode(e) for e in x]}
    if isinstance(x, dict):
        return {"dict": {str(k): encode(e) for k, e in x.items()}}
    return {"str": repr(x)}


def run(case):
    env = {"np": np}
    for k, v in case.get("args", {}).items():
        env[k] = decode(v)
    code = case["code"]
    try:
        try:
            compiled = compile(code, "<case>", "eval")
            result = eval(compiled, env)
        except SyntaxError:
            exec(compile(code, "<case>", "exec"), env)
            result = env.get("result")
        return {"ok": encode(result)}
    except Exception as e:  # the error itself is the answer
        return {"err": [type(e).__name__, str(e)]}


def main():
    # Answers go to a private copy of fd 1; fd 1 itself is pointed at stderr so that C
    # libraries printing to stdout (LAPACK's "** On entry to ..." notes) cannot corrupt the
    # line protocol.
    proto = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = os.fdopen(1, "w", closefd=False)
    out = os.fdopen(proto, "w")
    out.write(json.dumps({"ready": np.__version__}) + "\n")
    out.flush()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = json.loads(line)
        res = [run(c) for c in req["cases"]]
        out.write(json.dumps({"results": res}) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
