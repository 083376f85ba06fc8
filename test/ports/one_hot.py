# One-hot encoding of class labels, two ways, and back again.
import numpy as np

labels = np.array([0, 2, 1, 3, 2, 0])
one_hot = np.zeros((labels.size, labels.max() + 1))
one_hot[np.arange(labels.size), labels] = 1
print(one_hot)
print(np.array_equal(one_hot, np.eye(4)[labels]))
print(one_hot.argmax(axis=1))
counts = np.bincount(labels)
print(counts, counts.argmax())
