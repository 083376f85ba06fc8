/**
 * Sliding windows of NCHW images, the one kernel under convolution and pooling.
 *
 * `unfold` (im2col) copies every `kh x kw` window of every channel into a column:
 * `(N, C, H, W) -> (N, C, kh*kw, oh*ow)`, where row `ki*kw + kj` of channel `c` holds the
 * input pixel at `(oi*sh - pt + ki*dh, oj*sw - pl + kj*dw)` for output position
 * `oi*ow + oj`, or `padValue` outside the image (0 for convolution and average pooling,
 * -inf for max pooling). `fold` (col2im) is its adjoint: it adds every column entry back
 * onto the pixel it came from (padding positions are dropped). Both are primitives whose
 * gradients are each other, so convolution and pooling are differentiable to any order
 * without materialising one zero image per kernel offset.
 *
 * Loop variables: `n` batch, `c` channel, `ki, kj` kernel row/column, `oi, oj` output
 * row/column, `ii, jj` input row/column; `src`, `dst` are flat C-order offsets.
 */
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';

/** The geometry of a sliding-window op on `(N, C, H, W)` images. */
export interface WindowGeometry {
  /** Input height and width. */
  h: number;
  w: number;
  /** Kernel height and width. */
  kh: number;
  kw: number;
  /** Strides. */
  sh: number;
  sw: number;
  /** Padding above and to the left (below and to the right only shape `oh`, `ow`). */
  pt: number;
  pl: number;
  /** Dilations. */
  dh: number;
  dw: number;
  /** Output height and width. */
  oh: number;
  ow: number;
  /** The value read outside the image. */
  padValue: number;
}

function floatData(a: np.NDArray): { data: Float64Array | Float32Array; offset: number } {
  const c = np.ascontiguousarray(a);
  if (!(c.data instanceof Float64Array || c.data instanceof Float32Array)) throw new np.DTypeError(`unfold: expected a float32 or float64 array, got ${a.dtype}`);
  return { data: c.data, offset: c.offset };
}

/**
 * For kernel column `kj`: the source column `j0` of output column 0 (`jj = j0 + oj * sw`),
 * and the output columns `[lo, hi)` whose source column lies inside the row (the others
 * read padding).
 */
function columnRange(g: WindowGeometry, kj: number): [number, number, number] {
  const j0 = kj * g.dw - g.pl;
  const lo = Math.min(g.ow, j0 >= 0 ? 0 : Math.ceil(-j0 / g.sw));
  const hi = Math.max(lo, Math.min(g.ow, Math.ceil((g.w - j0) / g.sw)));
  return [j0, lo, hi];
}

/** im2col: `(N, C, H, W) -> (N, C, kh*kw, oh*ow)`. */
function unfoldValues(x: np.NDArray, g: WindowGeometry): np.NDArray {
  const [nb, ch] = x.shape as [number, number];
  const k = g.kh * g.kw;
  const l = g.oh * g.ow;
  // every element is written below (a value or padValue): no zero-fill
  const out = np.empty([nb, ch, k, l], { dtype: x.dtype });
  const dst = out.data as Float64Array | Float32Array;
  const { data: src, offset } = floatData(x);
  const plane = g.h * g.w;
  const pad = g.padValue;
  let p = out.offset;
  for (let nc = 0; nc < nb * ch; nc++) {
    const base = offset + nc * plane;
    for (let ki = 0; ki < g.kh; ki++) {
      for (let kj = 0; kj < g.kw; kj++) {
        const [j0, lo, hi] = columnRange(g, kj);
        for (let oi = 0; oi < g.oh; oi++) {
          const ii = oi * g.sh - g.pt + ki * g.dh;
          if (ii < 0 || ii >= g.h) {
            dst.fill(pad, p, p + g.ow);
            p += g.ow;
            continue;
          }
          for (let oj = 0; oj < lo; oj++) dst[p + oj] = pad;
          const row = base + ii * g.w + j0;
          if (g.sw === 1) for (let oj = lo; oj < hi; oj++) dst[p + oj] = src[row + oj]!;
          else for (let oj = lo; oj < hi; oj++) dst[p + oj] = src[row + oj * g.sw]!;
          for (let oj = hi; oj < g.ow; oj++) dst[p + oj] = pad;
          p += g.ow;
        }
      }
    }
  }
  return out;
}

/** col2im, the adjoint of {@link unfoldValues}: `(N, C, kh*kw, oh*ow) -> (N, C, H, W)`, summing overlaps. */
function foldValues(cols: np.NDArray, g: WindowGeometry): np.NDArray {
  const [nb, ch] = cols.shape as [number, number];
  const out = np.zeros([nb, ch, g.h, g.w], { dtype: cols.dtype });
  const dst = out.data as Float64Array | Float32Array;
  const { data: src, offset } = floatData(cols);
  const plane = g.h * g.w;
  let p = offset;
  for (let nc = 0; nc < nb * ch; nc++) {
    const base = nc * plane;
    for (let ki = 0; ki < g.kh; ki++) {
      for (let kj = 0; kj < g.kw; kj++) {
        const [j0, lo, hi] = columnRange(g, kj);
        for (let oi = 0; oi < g.oh; oi++) {
          const ii = oi * g.sh - g.pt + ki * g.dh;
          if (ii >= 0 && ii < g.h) {
            const row = base + ii * g.w + j0;
            for (let oj = lo; oj < hi; oj++) dst[row + oj * g.sw] += src[p + oj]!;
          }
          p += g.ow;
        }
      }
    }
  }
  return out;
}

// the two primitives are each other's gradient; the adjoint of either ignores padValue
const unfoldOp: ag.Op<WindowGeometry> = ag.defineOp<WindowGeometry>({
  name: 'unfold',
  forward: ([x], g) => unfoldValues(np.asarray(x!), g),
  backward: (g, { params }) => [foldOp([g], params)],
});

const foldOp: ag.Op<WindowGeometry> = ag.defineOp<WindowGeometry>({
  name: 'fold',
  forward: ([c], g) => foldValues(np.asarray(c!), g),
  backward: (g, { params }) => [unfoldOp([g], { ...params, padValue: 0 })],
});

/** The windows of `x` (N, C, H, W) as `(N, C, kh*kw, oh*ow)`: a differentiable primitive. */
export function unfoldWindows(x: ag.Tensor, g: WindowGeometry): ag.Tensor {
  return unfoldOp([x], g);
}

/** The adjoint of {@link unfoldWindows}: `(N, C, kh*kw, oh*ow)` back onto `(N, C, H, W)`, summing overlaps. */
export function foldWindows(cols: ag.Tensor, g: WindowGeometry): ag.Tensor {
  return foldOp([cols], g);
}
