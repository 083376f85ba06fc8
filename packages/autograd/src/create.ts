/**
 * Creating tensors: `tensor` copies its input (as `torch.tensor`), `asTensor` shares an
 * NDArray's memory (as `torch.as_tensor` / `torch.from_numpy`).
 *
 * dtype rule: JS numbers and nested JS arrays become float64 (JS cannot tell `1.0` from
 * `1`, and tensors are for differentiation; NumPy's `np.array([1, 2])` would be int32),
 * JS booleans bool; NDArrays and TypedArrays keep their dtype; `{ dtype }` overrides.
 */
import * as np from '@numbat/ndarray';
import { Tensor, type TensorOptions } from './tensor.js';

function dtypeFor(data: np.ArrayLike | Tensor, options: TensorOptions): np.DTypeLike | undefined {
  if (options.dtype !== undefined) return options.dtype;
  if (data instanceof Tensor || data instanceof np.NDArray || ArrayBuffer.isView(data)) return undefined;
  const a = np.asarray(data);
  return a.dtype === 'bool' ? 'bool' : 'float64';
}

/**
 * A new tensor holding a copy of `data` (`torch.tensor`): float64 for JS numbers and
 * arrays, the input's dtype for NDArrays and TypedArrays, or `dtype`. Integer and bool
 * tensors cannot require grad (`DTypeError`).
 *
 * @example
 * const x = ag.tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * x.dtype; // 'float64'
 */
export function tensor(data: np.ArrayLike | Tensor, options: TensorOptions = {}): Tensor {
  const source = data instanceof Tensor ? data.data : data;
  const dtype = dtypeFor(data, options);
  const arr = dtype === undefined ? np.array(source) : np.array(source, { dtype });
  return new Tensor(arr, options.requiresGrad === true);
}

/**
 * A tensor viewing `data`'s memory (`torch.as_tensor`): an NDArray is shared, not
 * copied (writes through either show in both); other inputs are converted as
 * {@link tensor} converts them. A Tensor is returned as is (re-wrapped when `dtype` or
 * `requiresGrad` asks for a change).
 *
 * @example
 * const a = np.zeros(3);
 * const t = ag.asTensor(a, { requiresGrad: true });
 * t.data === a; // true
 */
export function asTensor(data: np.ArrayLike | Tensor, options: TensorOptions = {}): Tensor {
  if (data instanceof Tensor && options.dtype === undefined && (options.requiresGrad === undefined || options.requiresGrad === data.requiresGrad)) return data;
  const source = data instanceof Tensor ? data.data : data;
  const dtype = dtypeFor(source, options);
  const arr = dtype === undefined ? np.asarray(source) : np.asarray(source, { dtype });
  return new Tensor(arr, options.requiresGrad === true);
}
