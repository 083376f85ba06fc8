# Histogram of normally distributed data from the legacy seeded generator.
import numpy as np

np.random.seed(42)
data = np.random.randn(1000)
hist, edges = np.histogram(data, bins=10, range=(-3, 3))
print(hist)
print(edges)
print(hist.sum(), (np.abs(data) > 3).sum())
density, _ = np.histogram(data, bins=edges, density=True)
print(np.round(density, 4))
print(np.bincount(np.digitize(data, edges)))
