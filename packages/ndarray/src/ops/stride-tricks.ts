/**
 * `slidingWindowView` (API.md "Porting essentials"): NumPy's
 * `lib.stride_tricks.sliding_window_view`, a strided view with one extra axis per window
 * dimension; no element is copied.
 */
import { NDArray } from '../ndarray.js';
import { normalizeAxis } from '../shape/shape.js';
import { ValueError } from '../errors.js';
import { asarray, type ArrayLike } from './convert.js';
import { view } from './shape.js';
import { indexArg } from './porting-args.js';

/** Options of {@link slidingWindowView}. */
export interface SlidingWindowViewOptions {
  /** Axis or axes the windows slide along (default: every axis, one window length each). */
  axis?: number | readonly number[] | null;
  /** Make the view writeable (default false). Windows overlap, so writes show up in several windows. */
  writeable?: boolean;
}

/**
 * A read-only view of every window of shape `windowShape` sliding over `x`
 * (`np.lib.stride_tricks.sliding_window_view`). The result has `x`'s axes, each windowed
 * one shortened to `n - w + 1`, followed by one axis per window dimension; it shares `x`'s
 * memory (no copy). `axis` picks the axes (an axis may repeat); without it `windowShape`
 * needs one length per axis of `x`. Pass `{ writeable: true }` for a writeable view (of a
 * writeable `x` only).
 *
 * @example
 * const v = np.slidingWindowView(np.arange(5), 3);
 * v.tolist(); // [[0, 1, 2], [1, 2, 3], [2, 3, 4]]
 * v.mean(-1).tolist(); // [1, 2, 3]: moving average
 * np.slidingWindowView(np.arange(12).reshape(3, 4), 2, 1).shape; // [3, 3, 2]
 */
export function slidingWindowView(
  x: ArrayLike,
  windowShape: number | readonly number[],
  axis?: number | readonly number[] | null | SlidingWindowViewOptions,
  options: SlidingWindowViewOptions = {},
): NDArray {
  const opts: SlidingWindowViewOptions = axis !== null && typeof axis === 'object' && !Array.isArray(axis) ? (axis as SlidingWindowViewOptions) : { ...options, axis: (axis as number | readonly number[] | null | undefined) ?? options.axis };
  const window = (typeof windowShape === 'number' ? [windowShape] : Array.from(windowShape)).map((w) => indexArg(w));
  const arr = asarray(x);
  if (window.some((w) => w < 0)) throw new ValueError('`window_shape` cannot contain negative values');
  let axes: number[];
  if (opts.axis === undefined || opts.axis === null) {
    axes = Array.from({ length: arr.ndim }, (_, i) => i);
    if (window.length !== axes.length) {
      throw new ValueError(
        `Since axis is \`None\`, must provide window_shape for all dimensions of \`x\`; got ${window.length} window_shape elements and \`x.ndim\` is ${arr.ndim}.`,
      );
    }
  } else {
    axes = (typeof opts.axis === 'number' ? [opts.axis] : Array.from(opts.axis)).map((a) => normalizeAxis(a, arr.ndim));
    if (window.length !== axes.length) {
      throw new ValueError(
        `Must provide matching length window_shape and axis; got ${window.length} window_shape elements and ${axes.length} axes elements.`,
      );
    }
  }
  const shape = arr.shape.slice();
  axes.forEach((ax, i) => {
    const w = window[i]!;
    if (shape[ax]! < w) throw new ValueError('window shape cannot be larger than input array shape');
    shape[ax] = shape[ax]! - (w - 1);
  });
  const strides = [...arr.strides, ...axes.map((ax) => arr.strides[ax]!)];
  return view(arr, [...shape, ...window], strides, arr.offset, opts.writeable === true);
}
