/**
 * A naive reference for `nn.functional`'s convolution and pooling: plain C-order number
 * arrays and index arithmetic written out, sharing no code with `packages/nn/src` (inputs
 * are read with `toPlain`). Slow and obvious on purpose.
 */
import type { NDArray } from '@numbat/ndarray';
import { toPlain } from './plain.js';

/** A 4-d array as flat values and its shape. */
export interface Plain4 {
  shape: [number, number, number, number];
  values: number[];
}

function read4(a: NDArray): Plain4 {
  const p = toPlain(a);
  return { shape: p.shape as [number, number, number, number], values: p.values.map(Number) };
}

function at(p: Plain4, n: number, c: number, i: number, j: number): number {
  const [, C, H, W] = p.shape;
  return p.values[((n * C + c) * H + i) * W + j]!;
}

/** Options of the reference convolution (pairs, PyTorch's semantics). */
export interface RefConvOptions {
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  groups: number;
}

/** `out[n, o, i, j] = b[o] + sum over c in o's group, a, b of x[n, c, i*s - p + a*d, j*s - p + b*d] w[o, c', a, b]`. */
export function refConv2d(xa: NDArray, wa: NDArray, ba: NDArray | null, o: RefConvOptions): Plain4 {
  const x = read4(xa);
  const w = read4(wa);
  const bias = ba === null ? null : toPlain(ba).values.map(Number);
  const [N, , H, W] = x.shape;
  const [O, Cg, KH, KW] = w.shape;
  const oh = Math.floor((H + 2 * o.padding[0] - o.dilation[0] * (KH - 1) - 1) / o.stride[0]) + 1;
  const ow = Math.floor((W + 2 * o.padding[1] - o.dilation[1] * (KW - 1) - 1) / o.stride[1]) + 1;
  const perGroup = O / o.groups;
  const values: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let oc = 0; oc < O; oc++) {
      const g = Math.floor(oc / perGroup);
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          let s = bias === null ? 0 : bias[oc]!;
          for (let c = 0; c < Cg; c++) {
            for (let a = 0; a < KH; a++) {
              for (let b = 0; b < KW; b++) {
                const r = i * o.stride[0] - o.padding[0] + a * o.dilation[0];
                const q = j * o.stride[1] - o.padding[1] + b * o.dilation[1];
                if (r < 0 || r >= H || q < 0 || q >= W) continue;
                s += at(x, n, g * Cg + c, r, q) * at(w, oc, c, a, b);
              }
            }
          }
          values.push(s);
        }
      }
    }
  }
  return { shape: [N, O, oh, ow], values };
}

function pooledSize(n: number, k: number, p: number, s: number, d: number, ceil: boolean): number {
  let o = (ceil ? Math.ceil : Math.floor)((n + 2 * p - d * (k - 1) - 1) / s) + 1;
  if (ceil && (o - 1) * s >= n + p) o--;
  return o;
}

/** Max pooling: the maximum over the in-image elements of each window (PyTorch's loops). */
export function refMaxPool2d(xa: NDArray, k: [number, number], s: [number, number], p: [number, number], d: [number, number], ceil: boolean): Plain4 {
  const x = read4(xa);
  const [N, C, H, W] = x.shape;
  const oh = pooledSize(H, k[0], p[0], s[0], d[0], ceil);
  const ow = pooledSize(W, k[1], p[1], s[1], d[1], ceil);
  const values: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          let m = -Infinity;
          for (let a = 0; a < k[0]; a++) {
            for (let b = 0; b < k[1]; b++) {
              const r = i * s[0] - p[0] + a * d[0];
              const q = j * s[1] - p[1] + b * d[1];
              if (r >= 0 && r < H && q >= 0 && q < W) m = Math.max(m, at(x, n, c, r, q));
            }
          }
          values.push(m);
        }
      }
    }
  }
  return { shape: [N, C, oh, ow], values };
}

/** Average pooling with PyTorch's divisor rules (`countIncludePad`, ceil-mode clipping). */
export function refAvgPool2d(xa: NDArray, k: [number, number], s: [number, number], p: [number, number], ceil: boolean, countIncludePad: boolean): Plain4 {
  const x = read4(xa);
  const [N, C, H, W] = x.shape;
  const oh = pooledSize(H, k[0], p[0], s[0], 1, ceil);
  const ow = pooledSize(W, k[1], p[1], s[1], 1, ceil);
  const values: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          const h0 = i * s[0] - p[0];
          const w0 = j * s[1] - p[1];
          const h1 = Math.min(h0 + k[0], H + p[0]);
          const w1 = Math.min(w0 + k[1], W + p[1]);
          let sum = 0;
          let count = 0;
          for (let r = Math.max(h0, 0); r < Math.min(h1, H); r++) {
            for (let q = Math.max(w0, 0); q < Math.min(w1, W); q++) {
              sum += at(x, n, c, r, q);
              count++;
            }
          }
          values.push(sum / (countIncludePad ? (h1 - h0) * (w1 - w0) : count));
        }
      }
    }
  }
  return { shape: [N, C, oh, ow], values };
}
