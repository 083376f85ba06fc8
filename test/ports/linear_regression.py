# A tiny linear regression with least squares, and interpolation on the fitted line.
import numpy as np

np.random.seed(0)
x = np.linspace(0, 10, 20)
y = 3 * x + 2 + np.random.randn(20)
A = np.vstack([x, np.ones(len(x))]).T
m, c = np.linalg.lstsq(A, y, rcond=None)[0]
print(np.round(m, 4), np.round(c, 4))
residuals = y - (m * x + c)
print(np.round(np.sqrt(np.mean(residuals ** 2)), 4))
print(np.round(np.interp([2.5, 7.25], x, m * x + c), 4))
