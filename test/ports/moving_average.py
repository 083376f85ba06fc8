# Moving averages: with cumsum (the classic exercise) and with a sliding window view.
import numpy as np

def moving_average(a, n=3):
    ret = np.cumsum(a, dtype=float)
    ret[n:] = ret[n:] - ret[:-n]
    return ret[n - 1:] / n

Z = np.arange(20)
print(moving_average(Z, n=3))
windows = np.lib.stride_tricks.sliding_window_view(Z, 4)
print(windows[:3])
print(windows.mean(axis=-1))
