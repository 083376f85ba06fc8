"""The timing policy of timer.ts, for NumPy: warm up (at least 2 calls and 0.15 s, at most
20 calls), batch calls so each sample lasts at least 20 ms, sample until 0.6 s are spent
(at least 5 samples; 3 when one call takes over 0.25 s; at most 25); report the median
per-call time. Measured with time.perf_counter_ns."""
import time

WARM_MIN_S = 0.15
WARM_MAX_CALLS = 20
SAMPLE_MIN_S = 0.02
BUDGET_S = 0.6
SLOW_S = 0.25


def now():
    return time.perf_counter_ns() / 1e9


def measure(fn):
    t0 = now()
    last = 0.0
    for k in range(WARM_MAX_CALLS):
        t = now()
        fn()
        last = now() - t
        if k >= 1 and now() - t0 >= WARM_MIN_S:
            break
    calls = max(1, -(-SAMPLE_MIN_S // max(last, 1e-9)))
    calls = int(calls)
    min_samples = 3 if last > SLOW_S else 5
    per_call = []
    cpu = []
    s0 = now()
    while len(per_call) < min_samples or (now() - s0 < BUDGET_S and len(per_call) < 25):
        c = time.process_time()
        t = now()
        for _ in range(calls):
            fn()
        per_call.append((now() - t) / calls)
        cpu.append((time.process_time() - c) / calls)
    return {"median": _median(per_call), "cpu": _median(cpu), "min": min(per_call), "samples": len(per_call),
            "callsPerSample": calls}


def _median(x):
    s = sorted(x)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
