# Find the value of an array nearest to a given scalar, and the nearest of each query.
import numpy as np

np.random.seed(1)
Z = np.random.uniform(0, 1, 10)
z = 0.5
m = Z.flat[np.abs(Z - z).argmin()]
print(Z)
print(m)
grid = np.linspace(0, 1, 11)
queries = np.array([0.04, 0.26, 0.5, 0.97])
idx = np.digitize(queries, (grid[1:] + grid[:-1]) / 2)
print(grid[idx])
A = np.arange(12).reshape(3, 4) % 5
r, c = np.unravel_index(np.argmax(A), A.shape)
print(r, c)
