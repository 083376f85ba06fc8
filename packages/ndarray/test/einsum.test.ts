/**
 * Examples, edge cases and every error message of `np.einsum`: each subscript form
 * (explicit and implicit output, `...`, diagonals and traces, several operands, sublists),
 * dtypes, views, signed zeros, `out`. Expected values are closed forms written out here;
 * error messages are NumPy 2.4's and, where python3 with NumPy is present, checked against
 * NumPy again.
 */
import { describe, expect, it } from 'vitest';
import * as np from '@numbat/ndarray';
import { toPlain } from '../../../test/reference/plain.js';
import { hasNumpy, oracle } from '../../../test/oracle/numpy.js';
import { expectThrows, expectValues, fingerprint, type ErrorClass } from '../../../test/helpers.js';

const f64 = (xs: number[]): np.NDArray => np.asarray(new Float64Array(xs));
const values = (a: np.NDArray): (number | bigint)[] => toPlain(a).values;
/** 0, 1, 2, ... in `shape`, float64. */
const ar = (...shape: number[]): np.NDArray => np.reshape(np.arange(shape.reduce((x, y) => x * y, 1), { dtype: 'float64' }), shape);

describe('einsum subscript forms', () => {
  it('matrix product, explicit and implicit; transposed output', () => {
    const a = np.array([[1, 2], [3, 4]]);
    const b = np.array([[5, 6], [7, 8]]);
    expectValues(np.einsum('ij,jk->ik', a, b), 'int32', [19, 22, 43, 50], [2, 2]);
    expectValues(np.einsum('ij,jk', a, b), 'int32', [19, 22, 43, 50], [2, 2]);
    expectValues(np.einsum('ij,jk->ki', a, b), 'int32', [19, 43, 22, 50], [2, 2]);
    // implicit output is in alphabetical order: 'ba' is a transpose
    expectValues(np.einsum('ba', a), 'int32', [1, 3, 2, 4], [2, 2]);
  });

  it('traces, diagonals and sums, as reductions and views', () => {
    const a = ar(3, 3);
    expectValues(np.einsum('ii', a), 'float64', [12], []);
    expectValues(np.einsum('ii->i', a), 'float64', [0, 4, 8], [3]);
    expectValues(np.einsum('ij->', a), 'float64', [36], []);
    expectValues(np.einsum('ij->j', a), 'float64', [9, 12, 15]);
    const t = ar(2, 2, 2);
    expectValues(np.einsum('iii->i', t), 'float64', [0, 7]);
    expectValues(np.einsum('iij->j', t), 'float64', [6, 8]);
    expectValues(np.einsum('iji', t), 'float64', [0 + 5, 2 + 7]); // t[0,j,0] + t[1,j,1]
  });

  it('outer, inner and element-wise products; several operands', () => {
    expectValues(np.einsum('i,j->ij', [1, 2], [3, 4, 5]), 'int32', [3, 4, 5, 6, 8, 10], [2, 3]);
    expectValues(np.einsum('i,i', [1, 2, 3], [4, 5, 6]), 'int32', [32], []);
    expectValues(np.einsum('i,i->i', [1, 2, 3], [4, 5, 6]), 'int32', [4, 10, 18]);
    const x = ar(2, 3);
    const y = ar(3, 4);
    const z = ar(4, 2);
    // (x @ y @ z) written out
    const xy = [20, 23, 26, 29, 56, 68, 80, 92];
    const xyz = [0, 0, 0, 0].map((_, k) => {
      const [i, l] = [k >> 1, k & 1];
      let s = 0;
      for (let j = 0; j < 4; j++) s += xy[i * 4 + j]! * (j * 2 + l);
      return s;
    });
    expectValues(np.einsum('ij,jk,kl->il', x, y, z), 'float64', xyz, [2, 2]);
    expectValues(np.einsum('ij,jk,kl', x, y, z), 'float64', xyz, [2, 2]);
    expectValues(np.einsum('i,i,i,i', [1, 2], [3, 4], [5, 6], [7, 8]), 'int32', [1 * 3 * 5 * 7 + 2 * 4 * 6 * 8], []);
  });

  it('ellipsis: batched products, broadcasting, any position', () => {
    const a = ar(2, 2, 3);
    const b = ar(2, 3, 2);
    const r = np.einsum('...ij,...jk->...ik', a, b);
    expect(r.shape).toEqual([2, 2, 2]);
    expectValues(np.einsum('...ij,...jk', a, b), 'float64', values(r) as number[], [2, 2, 2]);
    expect(np.einsum('...ij->...ji', np.zeros([5, 2, 3])).shape).toEqual([5, 3, 2]);
    expect(np.einsum('i...->...', np.ones([2, 3, 4])).shape).toEqual([3, 4]);
    // a length-1 broadcast axis stretches
    expectValues(np.einsum('...i,...i->...', ar(2, 3), ar(1, 3)), 'float64', [5, 14], [2]);
    expectValues(np.einsum('...,...', np.array(3), f64([1, 2])), 'float64', [3, 6]);
    // labels of length 1 broadcast too, as NumPy's iterator does
    expectValues(np.einsum('i,i', f64([2]), f64([1, 2, 3])), 'float64', [12], []);
  });

  it('the interleaved sublist form (0-25 are A-Z, 26-51 a-z)', () => {
    expectValues(np.einsum(np.ones([2, 3]), [0, 1], np.ones([3]), [1], [0]), 'float64', [3, 3]);
    expectValues(np.einsum(ar(2, 2), [0, 0]), 'float64', [3], []);
    expectValues(np.einsum(ar(2, 3), ['...', 1], ['...']), 'float64', [3, 12]);
    const m = np.einsum(ar(2, 3), [30, 26]);
    expect(m.shape).toEqual([3, 2]); // 'ea' -> implicit output 'ae'
  });

  it('spaces are ignored; zero-length labels give empty sums', () => {
    expectValues(np.einsum(' ij -> j ', ar(2, 2)), 'float64', [2, 4]);
    expectValues(np.einsum('ij,jk->ik', np.zeros([2, 0]), np.zeros([0, 3])), 'float64', [0, 0, 0, 0, 0, 0], [2, 3]);
    // NaN times an empty sum: NumPy adds no product at all, so the result is 0
    expectValues(np.einsum('i,j->i', f64([NaN, 1]), np.zeros([0])), 'float64', [0, 0]);
    expectValues(np.einsum('ij,jk->i', f64([NaN, 1]).reshape(2, 1), np.zeros([1, 0])), 'float64', [0, 0]);
  });
});

describe('einsum dtypes, views and zeros', () => {
  it('promotes operands; integers wrap as NumPy; bool is or-of-ands', () => {
    const i8 = np.asarray(new Int8Array([100, 100]));
    expectValues(np.einsum('i->', i8), 'int8', [-56], []);
    expectValues(np.einsum('i,i->', i8, np.asarray(new Int8Array([1, 1]))), 'int8', [-56], []);
    expectValues(np.einsum('i,i->i', np.asarray(new Uint8Array([1, 2])), np.asarray(new Int8Array([3, 4]))), 'int16', [3, 8]);
    const big = np.asarray(new BigInt64Array([2n ** 62n, 2n ** 62n]));
    expect(values(np.einsum('i,i', big, np.asarray(new BigInt64Array([2n, 2n]))))).toEqual([0n]);
    const t = np.array([true, false, true]);
    expectValues(np.einsum('i,i', t, np.array([false, false, true])), 'bool', [1], []);
    expectValues(np.einsum('i,j->ij', t, np.array([true, false])), 'bool', [1, 0, 0, 0, 1, 0], [3, 2]);
    expectValues(np.einsum('ij->i', np.array([[true, true], [false, false]])), 'bool', [1, 0]);
    expect(np.einsum('i,i', np.asarray(new Float32Array([1, 2])), np.asarray(new Int16Array([3, 4]))).dtype).toBe('float32');
  });

  it('one operand without summation returns a view, as NumPy', () => {
    const a = ar(3, 3);
    const d = np.einsum('ii->i', a);
    expect(d.data === a.data).toBe(true);
    d.set(0, 42);
    expect(a.item(0, 0)).toBe(42);
    const t = np.einsum('ij->ji', a);
    expect(t.data === a.data).toBe(true);
    expect(np.einsum('ij->i', a).data === a.data).toBe(false);
  });

  it('computed results hold no -0 (sums start from +0); views keep it', () => {
    const negZero = f64([-0]);
    expect(Object.is(values(np.einsum('i,i->i', negZero, f64([1])))[0], 0)).toBe(true);
    expect(Object.is(values(np.einsum('i->', negZero))[0], 0)).toBe(true);
    expect(Object.is(values(np.einsum('i,j->ij', negZero, f64([1])))[0], 0)).toBe(true);
    expect(Object.is(values(np.einsum('i->i', negZero))[0], -0)).toBe(true);
    expect(Object.is(values(np.einsum('i->i', negZero, { out: np.ones([1]) }))[0], 0)).toBe(true);
  });

  it('writes into out; inputs are left unchanged', () => {
    const a = ar(2, 3);
    const before = fingerprint(a);
    const out = np.zeros([2]);
    const r = np.einsum('ij->i', a, { out });
    expect(r === out).toBe(true);
    expectValues(out, 'float64', [3, 12]);
    const wide = np.zeros([2, 2]);
    expect(fingerprint(a)).toBe(before);
    // out may widen a length-1 axis of the operands
    np.einsum('i->i', f64([7]), { out: wide.get(0) });
    expectValues(wide, 'float64', [7, 7, 0, 0]);
    expectValues(np.einsum('ij,jk', ar(2, 2), ar(2, 2), { optimize: true }), 'float64', [2, 3, 6, 11]);
  });
});

/** Every error: the call, the NumPy expression, the class and NumPy's message. */
const ERRORS: [() => unknown, string, ErrorClass, string][] = [
  [() => np.einsum('ijk', np.ones([2, 3])), "np.einsum('ijk', np.ones((2,3)))", np.ValueError, 'einstein sum subscripts string contains too many subscripts for operand 0'],
  [() => np.einsum('i', np.ones([2, 3])), "np.einsum('i', np.ones((2,3)))", np.ValueError, "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions."],
  [() => np.einsum('ij,jk', np.ones([2, 3])), "np.einsum('ij,jk', np.ones((2,3)))", np.ValueError, 'more operands provided to einstein sum function than specified in the subscripts string'],
  [() => np.einsum('ij,jk->ik', np.ones([2, 3]), np.ones([3, 4]), np.ones([3, 4])), "np.einsum('ij,jk->ik', np.ones((2,3)), np.ones((3,4)), np.ones((3,4)))", np.ValueError, 'fewer operands provided to einstein sum function than specified in the subscripts string'],
  [() => np.einsum('ij->ii', np.ones([2, 3])), "np.einsum('ij->ii', np.ones((2,3)))", np.ValueError, "einstein sum subscripts string includes output subscript 'i' multiple times"],
  [() => np.einsum('ij->k', np.ones([2, 3])), "np.einsum('ij->k', np.ones((2,3)))", np.ValueError, "einstein sum subscripts string included output subscript 'k' which never appeared in an input"],
  [() => np.einsum('i$', np.ones([3])), "np.einsum('i$', np.ones(3))", np.ValueError, "invalid subscript '$' in einstein sum subscripts string, subscripts must be letters"],
  [() => np.einsum('i...j...', np.ones([2, 3])), "np.einsum('i...j...', np.ones((2,3)))", np.ValueError, "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand 0"],
  [() => np.einsum('i.j', np.ones([2, 3])), "np.einsum('i.j', np.ones((2,3)))", np.ValueError, "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand 0"],
  [() => np.einsum('ij->i->j', np.ones([2, 3])), "np.einsum('ij->i->j', np.ones((2,3)))", np.ValueError, "invalid subscript '-' in einstein sum subscripts string, subscripts must be letters"],
  [() => np.einsum('ij,jk->ik', np.ones([2, 3]), np.ones([4, 4])), "np.einsum('ij,jk->ik', np.ones((2,3)), np.ones((4,4)))", np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)->(2,newaxis,3) (4,4)->(4,4)'],
  [() => np.einsum('ii', np.ones([2, 3])), "np.einsum('ii', np.ones((2,3)))", np.ValueError, "dimensions in operand 0 for collapsing index 'i' don't match (2 != 3)"],
  [() => np.einsum('ii->i', np.ones([2, 3])), "np.einsum('ii->i', np.ones((2,3)))", np.ValueError, "dimensions in single operand for collapsing index 'i' don't match (2 != 3)"],
  [() => np.einsum('ii->i', np.zeros([3, 0])), "np.einsum('ii->i', np.zeros((3,0)))", np.ValueError, "dimensions in single operand for collapsing index 'i' don't match (3 != 0)"],
  [() => np.einsum('...i,...i', np.ones([2, 3]), np.ones([4, 3])), "np.einsum('...i,...i', np.ones((2,3)), np.ones((4,3)))", np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)->(2,3) (4,3)->(4,3)'],
  [() => np.einsum('i', np.array(3)), "np.einsum('i', np.array(3.))", np.ValueError, 'einstein sum subscripts string contains too many subscripts for operand 0'],
  [() => np.einsum('ij->..', np.ones([2, 3])), "np.einsum('ij->..', np.ones((2,3)))", np.ValueError, "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output"],
  [() => np.einsum('ij-', np.ones([2, 3])), "np.einsum('ij-', np.ones((2,3)))", np.ValueError, "einstein sum subscript string does not contain proper '->' output specified"],
  [() => np.einsum('ij>i', np.ones([2, 3])), "np.einsum('ij>i', np.ones((2,3)))", np.ValueError, "invalid subscript '>' in einstein sum subscripts string, subscripts must be letters"],
  [() => np.einsum('ij,,jk', np.ones([2, 3]), np.ones([2, 3]), np.ones([3, 4])), "np.einsum('ij,,jk', np.ones((2,3)), np.ones((2,3)), np.ones((3,4)))", np.ValueError, "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions."],
  [() => np.einsum('...i->i', np.ones([2, 3])), "np.einsum('...i->i', np.ones((2,3)))", np.ValueError, "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions."],
  [() => np.einsum('ij...,jk...->ik...', np.ones([2, 3, 4]), np.ones([3, 5, 3])), "np.einsum('ij...,jk...->ik...', np.ones((2,3,4)), np.ones((3,5,3)))", np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (2,3,4)->(2,newaxis,4,3) (3,5,3)->(5,3,3)'],
  [() => np.einsum('i->i', np.ones([3]), { out: np.zeros([4]) }), "np.einsum('i->i', np.ones(3), out=np.zeros(4))", np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (3,)->(3,) (4,)->(4,)'],
  [() => np.einsum('ij->i', np.ones([3, 2]), { out: np.zeros([4]) }), "np.einsum('ij->i', np.ones((3,2)), out=np.zeros(4))", np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (3,2)->(3,2) (4,)->(4,newaxis)'],
  [() => np.einsum('i,j->ij', np.ones([2]), np.ones([3]), { out: np.ones([3, 2]) }), "np.einsum('i,j->ij', np.ones(2), np.ones(3), out=np.ones((3,2)))", np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (2,)->(2,newaxis) (3,)->(3) (3,2)->(3,2)'],
  [() => np.einsum('i->i', np.ones([3]), { out: np.zeros([1]) }), "np.einsum('i->i', np.ones(3), out=np.zeros(1))", np.ValueError, 'output operand requires a reduction along dimension 0, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.'],
  [() => np.einsum('i->i', np.ones([3]), { out: np.zeros([3, 1]) }), "np.einsum('i->i', np.ones(3), out=np.zeros((3,1)))", np.ValueError, 'out parameter does not have the correct number of dimensions, has 2 but should have 1'],
  [() => np.einsum('i->i', np.ones([3]), { out: np.zeros([3], 'int32') }), "np.einsum('i->i', np.ones(3), out=np.zeros(3, dtype=np.int32))", np.DTypeError, "Iterator requested dtype could not be cast from dtype('float64') to dtype('int32'), the operand 1 dtype, according to the rule 'safe'"],
  [() => np.einsum('i,i->i', np.ones([3]), np.ones([3]), { out: np.ones([3], 'int64') }), "np.einsum('i,i->i', np.ones(3), np.ones(3), out=np.ones(3, dtype=np.int64))", np.DTypeError, "Iterator requested dtype could not be cast from dtype('float64') to dtype('int64'), the operand 2 dtype, according to the rule 'safe'"],
  [() => np.einsum('i->i', np.ones([3]), { out: 1 as unknown as np.NDArray }), "np.einsum('i->i', np.ones(3), out=1)", np.DTypeError, 'keyword parameter out must be an array for einsum'],
  [() => (np.einsum as (...a: unknown[]) => np.NDArray)('ij'), "np.einsum('ij')", np.ValueError, 'must specify the einstein sum subscripts string and at least one operand'],
  [() => (np.einsum as (...a: unknown[]) => np.NDArray)(np.ones([3])), 'np.einsum(np.ones(3))', np.ValueError, 'must provide at least an operand and a subscripts list to einsum'],
  [() => np.einsum(np.ones([2, 3]), [52, 1]), 'np.einsum(np.ones((2,3)), [52,1])', np.ValueError, 'subscript is not within the valid range [0, 52)'],
  [() => np.einsum(np.ones([2, 3]), [-1, 1]), 'np.einsum(np.ones((2,3)), [-1,1])', np.ValueError, 'subscript is not within the valid range [0, 52)'],
  [() => np.einsum(np.ones([2, 3]), [0.5, 1]), 'np.einsum(np.ones((2,3)), [0.5,1])', np.DTypeError, 'each subscript must be either an integer or an ellipsis'],
  [() => np.einsum(np.ones([2, 3]), [0, 1], [1, 1]), 'np.einsum(np.ones((2,3)), [0,1], [1,1])', np.ValueError, "einstein sum subscripts string includes output subscript 'B' multiple times"],
  [() => np.einsum(np.ones([2, 3]), ['...', '...']), 'np.einsum(np.ones((2,3)), [Ellipsis, Ellipsis])', np.ValueError, 'each subscripts list may have only one ellipsis'],
  [() => np.einsum(np.ones([2, 3]), 5 as unknown as number[]), 'np.einsum(np.ones((2,3)), 5)', np.DTypeError, 'the subscripts for each operand must be a list or a tuple'],
];

describe('einsum errors', () => {
  it('every error has NumPy class and message', () => {
    for (const [f, , cls, msg] of ERRORS) expectThrows(f, cls, msg);
  });

  it.runIf(hasNumpy)('the messages are NumPy 2.4 messages', async () => {
    const py = await oracle();
    const answers = await py.run(ERRORS.map(([, code]) => ({ code })));
    const NAME: Record<string, string> = { ValueError: 'ValueError', TypeError: 'DTypeError' };
    answers.forEach((ans, i) => {
      const [, code, cls, msg] = ERRORS[i]!;
      expect(ans.ok, code).toBe(false);
      if (ans.ok) return;
      expect(ans.message.trimEnd(), code).toBe(msg);
      expect(NAME[ans.type], code).toBe(cls.name);
    });
  });
});
