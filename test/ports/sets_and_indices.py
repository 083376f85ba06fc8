# Set operations, fancy assignment, put and flat indexing on small integer arrays.
import numpy as np

a = np.array([5, 1, 3, 3, 7, 9, 1])
b = np.array([3, 4, 7, 8])
print(np.intersect1d(a, b), np.union1d(a, b), np.setdiff1d(a, b))
print(np.isin(a, b))
a[a > 4] *= -1
print(a)
np.put(a, [0, -1], [100, 200])
print(a)
M = np.arange(12).reshape(3, 4)
M.flat[[1, 6, 11]] = 0
print(M)
print(M.flat[::5], np.ravel_multi_index((2, 3), M.shape))
print(np.indices((2, 3)))
