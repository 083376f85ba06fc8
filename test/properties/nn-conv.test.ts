/**
 * `nn.functional` convolution and pooling against NumPy (`sliding_window_view` + `einsum`
 * for conv2d, PyTorch's pooling loops written in Python) over random geometries (stride,
 * padding incl. 'same', dilation, groups, ceilMode, countIncludePad, divisorOverride),
 * unfold's layout, gradients by gradCheck (conv, pooling, second order through
 * unfold/fold), PyTorch's tie rule of max pooling, float32 end to end.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import * as ag from '@numbat/autograd';
import * as nn from '@numbat/nn';
import { fingerprint, pick, randInt, seededRandom } from '../helpers.js';
import { hasNumpy } from '../oracle/numpy.js';
import { checkAgainstNumpy, rnd, type Case } from './nn-cases.js';

const F = nn.functional;

interface ConvGeometry {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  kh: number;
  kw: number;
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  groups: number;
}

function convGeometry(r: () => number): ConvGeometry {
  const groups = pick(r, [1, 1, 2]);
  const c = groups * pick(r, [1, 2]);
  const o = groups * pick(r, [1, 2, 3]);
  const dilation: [number, number] = [pick(r, [1, 1, 2]), pick(r, [1, 2])];
  const kh = randInt(r, 1, 3);
  const kw = randInt(r, 1, 3);
  const padding: [number, number] = [randInt(r, 0, 2), randInt(r, 0, 1)];
  const h = Math.max(dilation[0] * (kh - 1) + 1 - 2 * padding[0], 1) + randInt(r, 0, 4);
  const w = Math.max(dilation[1] * (kw - 1) + 1 - 2 * padding[1], 1) + randInt(r, 0, 4);
  return { n: pick(r, [1, 2]), c, h, w, o, kh, kw, stride: [randInt(r, 1, 2), randInt(r, 1, 3)], padding, dilation, groups };
}

const NP_CONV = [
  'def conv(x, w, b, s, p, d, g):',
  '    O, Cg, kh, kw = w.shape',
  '    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])))',
  '    win = np.lib.stride_tricks.sliding_window_view(xp, (d[0] * (kh - 1) + 1, d[1] * (kw - 1) + 1), axis=(2, 3))',
  '    win = win[:, :, ::s[0], ::s[1], ::d[0], ::d[1]]',
  '    outs = [np.einsum("ncijkl,ockl->noij", win[:, k * Cg:(k + 1) * Cg], w[k * (O // g):(k + 1) * (O // g)]) for k in range(g)]',
  '    out = np.concatenate(outs, 1)',
  '    return out if b is None else out + b[None, :, None, None]',
].join('\n');

const NP_POOL = [
  'import math',
  'def osize(n, k, p, s, d, ceil):',
  '    o = (math.ceil if ceil else math.floor)((n + 2 * p - d * (k - 1) - 1) / s) + 1',
  '    if ceil and (o - 1) * s >= n + p: o -= 1',
  '    return o',
  'def maxpool(x, k, s, p, d, ceil):',
  '    N, C, H, W = x.shape',
  '    oh, ow = osize(H, k[0], p[0], s[0], d[0], ceil), osize(W, k[1], p[1], s[1], d[1], ceil)',
  '    out = np.full((N, C, oh, ow), -np.inf)',
  '    for i in range(oh):',
  '        for j in range(ow):',
  '            for a in range(k[0]):',
  '                for b in range(k[1]):',
  '                    r, c = i * s[0] - p[0] + a * d[0], j * s[1] - p[1] + b * d[1]',
  '                    if 0 <= r < H and 0 <= c < W: out[:, :, i, j] = np.maximum(out[:, :, i, j], x[:, :, r, c])',
  '    return out',
  'def avgpool(x, k, s, p, ceil, incl, div):',
  '    N, C, H, W = x.shape',
  '    oh, ow = osize(H, k[0], p[0], s[0], 1, ceil), osize(W, k[1], p[1], s[1], 1, ceil)',
  '    out = np.zeros((N, C, oh, ow))',
  '    for i in range(oh):',
  '        for j in range(ow):',
  '            h0 = i * s[0] - p[0]; w0 = j * s[1] - p[1]',
  '            h1 = min(h0 + k[0], H + p[0]); w1 = min(w0 + k[1], W + p[1])',
  '            size = (h1 - h0) * (w1 - w0)',
  '            h0, w0, h1, w1 = max(h0, 0), max(w0, 0), min(h1, H), min(w1, W)',
  '            dv = div if div is not None else (size if incl else (h1 - h0) * (w1 - w0))',
  '            out[:, :, i, j] = x[:, :, h0:h1, w0:w1].sum(axis=(2, 3)) / dv',
  '    return out',
].join('\n');

describe.runIf(hasNumpy)('convolution and pooling against NumPy', () => {
  it('conv2d: random stride, padding, dilation, groups, bias', async () => {
    const cases: Case[] = [];
    for (let s = 0; s < 40; s++) {
      const r = seededRandom(700 + s);
      const g = convGeometry(r);
      const x = rnd([g.n, g.c, g.h, g.w], s + 1);
      const w = rnd([g.o, g.c / g.groups, g.kh, g.kw], s + 2);
      const b = r() < 0.5 ? rnd([g.o], s + 3) : null;
      const opts = { stride: g.stride, padding: g.padding, dilation: g.dilation, groups: g.groups };
      cases.push({
        label: `conv2d ${JSON.stringify(g)}`,
        ours: () => F.conv2d(x, w, b, opts),
        code: `${NP_CONV}\nresult = conv(x, w, ${b === null ? 'None' : 'b'}, ${JSON.stringify(g.stride)}, ${JSON.stringify(g.padding)}, ${JSON.stringify(g.dilation)}, ${g.groups})`,
        args: b === null ? { x, w } : { x, w, b },
      });
    }
    // 'same' padding (odd padding element at the bottom/right), unbatched input
    const x = rnd([2, 5, 6], 91);
    const w = rnd([3, 2, 2, 3], 92);
    cases.push({ label: "conv2d padding 'same' unbatched", ours: () => F.conv2d(x, w, null, { padding: 'same' }), code: `${NP_CONV}\nresult = conv(np.pad(x, ((0, 0), (0, 1), (1, 1)))[None], w, None, [1, 1], [0, 0], [1, 1], 1)[0]`, args: { x, w } });
    await checkAgainstNumpy(cases);
  });

  it('maxPool2d and avgPool2d: random kernels, strides, padding, dilation, ceilMode, countIncludePad, divisorOverride', async () => {
    const cases: Case[] = [];
    for (let s = 0; s < 40; s++) {
      const r = seededRandom(900 + s);
      const k: [number, number] = [randInt(r, 1, 3), randInt(r, 1, 3)];
      const stride: [number, number] = [randInt(r, 1, 3), randInt(r, 1, 2)];
      const padding: [number, number] = [randInt(r, 0, Math.floor(k[0] / 2)), randInt(r, 0, Math.floor(k[1] / 2))];
      const dilation: [number, number] = [pick(r, [1, 2]), 1];
      const ceil = r() < 0.5;
      const h = dilation[0] * (k[0] - 1) + 1 + randInt(r, 0, 4);
      const wd = k[1] + randInt(r, 0, 4);
      const x = rnd([pick(r, [1, 2]), pick(r, [1, 3]), h, wd], s + 10);
      const mo = { stride, padding, dilation, ceilMode: ceil };
      cases.push({
        label: `maxPool2d k=${k} ${JSON.stringify(mo)}`,
        ours: () => F.maxPool2d(x, k, mo),
        code: `${NP_POOL}\nresult = maxpool(x, ${JSON.stringify(k)}, ${JSON.stringify(stride)}, ${JSON.stringify(padding)}, ${JSON.stringify(dilation)}, ${ceil ? 'True' : 'False'})`,
        args: { x },
      });
      const incl = r() < 0.5;
      const div = r() < 0.2 ? 3 : null;
      const ao = { stride, padding, ceilMode: ceil, countIncludePad: incl, divisorOverride: div };
      cases.push({
        label: `avgPool2d k=${k} ${JSON.stringify(ao)}`,
        ours: () => F.avgPool2d(x, k, ao),
        code: `${NP_POOL}\nresult = avgpool(x, ${JSON.stringify(k)}, ${JSON.stringify(stride)}, ${JSON.stringify(padding)}, ${ceil ? 'True' : 'False'}, ${incl ? 'True' : 'False'}, ${div ?? 'None'})`,
        args: { x },
      });
    }
    await checkAgainstNumpy(cases);
  });

  it('unfold: PyTorch layout (N, C*kh*kw, L) against sliding_window_view', async () => {
    const cases: Case[] = [];
    for (let s = 0; s < 10; s++) {
      const r = seededRandom(400 + s);
      const k: [number, number] = [randInt(r, 1, 3), randInt(r, 1, 3)];
      const x = rnd([2, pick(r, [1, 2]), k[0] + randInt(r, 0, 3), k[1] + randInt(r, 0, 3)], s);
      cases.push({
        label: `unfold k=${k}`,
        ours: () => F.unfold(x, k),
        code: `v = np.lib.stride_tricks.sliding_window_view(x, ${JSON.stringify(k)}, axis=(2, 3))\nN, C, oh, ow, a, b = v.shape\nresult = np.ascontiguousarray(v.transpose(0, 1, 4, 5, 2, 3)).reshape(N, C * a * b, oh * ow)`,
        args: { x },
      });
    }
    await checkAgainstNumpy(cases);
  });
});

describe('convolution and pooling gradients', () => {
  it('conv2d: gradCheck on input, weight and bias over random geometries', () => {
    for (let s = 0; s < 8; s++) {
      const r = seededRandom(1300 + s);
      const g = convGeometry(r);
      const inputs = [rnd([g.n, g.c, g.h, g.w], s + 1), rnd([g.o, g.c / g.groups, g.kh, g.kw], s + 2), rnd([g.o], s + 3)];
      const before = inputs.map(fingerprint);
      const res = ag.gradCheck((x, w, b) => F.conv2d(x, w, b, { stride: g.stride, padding: g.padding, dilation: g.dilation, groups: g.groups }), inputs);
      expect(res.ok, `${JSON.stringify(g)}: ${res.message}`).toBe(true);
      expect(inputs.map(fingerprint)).toEqual(before);
    }
  });

  it('maxPool2d and avgPool2d: gradCheck (distinct values, so no ties)', () => {
    for (let s = 0; s < 6; s++) {
      const r = seededRandom(1500 + s);
      const x = rnd([2, 2, 5, 6], s);
      const k = randInt(r, 2, 3);
      const o = { stride: randInt(r, 1, 2), padding: randInt(r, 0, 1), ceilMode: r() < 0.5 };
      const rm = ag.gradCheck((t) => F.maxPool2d(t, k, o), [x]);
      expect(rm.ok, `max ${k} ${JSON.stringify(o)}: ${rm.message}`).toBe(true);
      const ao = { ...o, countIncludePad: r() < 0.5 };
      const ra = ag.gradCheck((t) => F.avgPool2d(t, k, ao), [x]);
      expect(ra.ok, `avg ${k} ${JSON.stringify(ao)}: ${ra.message}`).toBe(true);
    }
  });

  it('maxPool2d: a tied window sends its whole gradient to the first maximum (PyTorch)', () => {
    const x = ag.tensor(np.ones([1, 1, 2, 2]), { requiresGrad: true });
    F.maxPool2d(x, 2).sum().backward();
    expect(x.grad!.tolist()).toEqual([[[[1, 0], [0, 0]]]]);
  });

  it('unfold and fold are adjoint: <unfold(x), c> = <x, fold(c)>, and fold(unfold(ones)) counts windows', () => {
    const x = rnd([2, 3, 5, 4], 1);
    const opts = { stride: [2, 1] as [number, number], padding: 1, dilation: [1, 2] as [number, number] };
    const cols = F.unfold(x, [2, 2], opts);
    const c = rnd(cols.shape, 2);
    const lhs = Number(np.sum(np.multiply(cols.data, c)));
    const rhs = Number(np.sum(np.multiply(x, F.fold(c, [5, 4], [2, 2], opts).data)));
    expect(Math.abs(lhs - rhs)).toBeLessThan(1e-10 * Math.max(1, Math.abs(lhs)));
    const counts = F.fold(F.unfold(np.ones([1, 1, 3, 3]), 2), [3, 3], 2);
    expect(counts.tolist()).toEqual([[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]);
    // second order: d/dx <grad(sum(unfold(x)^3)), w> (recorded by nested grad) against central
    // differences of that inner product (gradCheck cannot do this: its numeric passes run without grad)
    const x0 = rnd([1, 2, 3, 3], 4);
    const wv = rnd([1, 2, 3, 3], 5);
    const inner = (u: ag.Tensor): ag.Tensor => F.unfold(u, 2, { padding: 1 }).pow(3).sum();
    const s = (t: ag.Tensor): ag.Tensor => ag.grad(inner)(t).mul(wv).sum();
    const analytic = ag.grad(s)(ag.tensor(x0)).data;
    const eps = 1e-6;
    const flat = np.ravel(x0);
    for (let i = 0; i < flat.size; i++) {
      const plus = np.copy(flat);
      const minus = np.copy(flat);
      plus.set([i], Number(flat.get(i).item()) + eps);
      minus.set([i], Number(flat.get(i).item()) - eps);
      const numeric = (s(ag.tensor(plus.reshape(x0.shape))).item() - s(ag.tensor(minus.reshape(x0.shape))).item()) / (2 * eps);
      const a = Number(np.ravel(analytic).get(i).item());
      expect(Math.abs(a - numeric)).toBeLessThan(1e-5 + 1e-4 * Math.abs(numeric));
    }
  });

  it('float32 inputs give float32 outputs and gradients', () => {
    const x = ag.tensor(np.astype(rnd([1, 2, 4, 4], 1), 'float32'), { requiresGrad: true });
    const w = ag.tensor(np.astype(rnd([3, 2, 3, 3], 2), 'float32'), { requiresGrad: true });
    const y = F.maxPool2d(F.conv2d(x, w, null, { padding: 1 }), 2);
    expect(y.dtype).toBe('float32');
    F.crossEntropyLoss(y.reshape([1, 12]), [3]).backward();
    expect(x.grad!.dtype).toBe('float32');
    expect(w.grad!.dtype).toBe('float32');
  });
});
