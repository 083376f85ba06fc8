# Normalize a 5x5 random matrix to [0, 1] (min-max scaling), then standardize its columns.
import numpy as np

np.random.seed(0)
Z = np.random.random((5, 5))
Zmin, Zmax = Z.min(), Z.max()
Z = (Z - Zmin) / (Zmax - Zmin)
print(Z)
print(Z.min(), Z.max())
S = (Z - Z.mean(axis=0)) / Z.std(axis=0)
print(S.round(3))
print(np.allclose(S.mean(axis=0), 0), np.allclose(S.std(axis=0), 1))
