/**
 * fast-check arbitraries for arrays: shapes with 0- and 1-length axes, every dtype, values
 * with NaN, +-0, +-Inf and each dtype's extremes, and non-contiguous views (transposed,
 * negative steps, steps > 1, offsets, stride-0 broadcasts). Views are built directly with
 * the NDArray constructor over a hand-filled buffer, so no numbat op is involved.
 */
import fc from 'fast-check';
import { NDArray, DTYPES, type DType } from '@numbat/ndarray';

/** Every dtype. */
export const ALL_DTYPES: DType[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];
/** dtypes whose elements are numbers (no int64/uint64). */
export const NUMBER_DTYPES: DType[] = ALL_DTYPES.filter((d) => d !== 'int64' && d !== 'uint64');
/** Float dtypes. */
export const FLOAT_DTYPES: DType[] = ['float32', 'float64'];
/** Integer dtypes of up to 32 bits. */
export const INT_DTYPES: DType[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'];

/** One of the given dtypes. */
export function dtypeArb(dtypes: readonly DType[] = ALL_DTYPES): fc.Arbitrary<DType> {
  return fc.constantFrom(...dtypes);
}

/** Options of {@link shapeArb}. */
export interface ShapeOptions {
  minDims?: number;
  maxDims?: number;
  /** Largest axis length (default 5); 0 and 1 are always likely. */
  maxSide?: number;
}

/** A shape: axes of length 0..maxSide, with 0 and 1 drawn often. */
export function shapeArb(o: ShapeOptions = {}): fc.Arbitrary<number[]> {
  const side = fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.constant(1) },
    { weight: 5, arbitrary: fc.integer({ min: 2, max: o.maxSide ?? 5 }) },
  );
  return fc.array(side, { minLength: o.minDims ?? 0, maxLength: o.maxDims ?? 4 });
}

/** A nonempty shape (no 0-length axis). */
export function nonEmptyShapeArb(o: ShapeOptions = {}): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: o.maxSide ?? 5 }), { minLength: o.minDims ?? 0, maxLength: o.maxDims ?? 4 });
}

/** Options of {@link valueArb}. */
export interface ValueOptions {
  /** Draw NaN, +-Inf (floats). Default true. */
  specials?: boolean;
  /** Restrict floats to [-range, range] (and ints to their dtype range intersected with it). */
  range?: number;
}

/** One element value of `dtype` (a number, or a bigint for int64/uint64). */
export function valueArb(dtype: DType, o: ValueOptions = {}): fc.Arbitrary<number | bigint> {
  const info = DTYPES[dtype];
  const specials = o.specials ?? true;
  if (info.kind === 'b') return fc.constantFrom(0, 1);
  if (info.kind === 'f') {
    const f32 = info.itemsize === 4;
    const r = o.range;
    const finite =
      r !== undefined
        ? fc.double({ min: -r, max: r, noNaN: true }).map((x) => (f32 ? Math.fround(x) : x))
        : f32
          ? fc.float({ noNaN: true, noDefaultInfinity: true })
          : fc.double({ noNaN: true, noDefaultInfinity: true });
    const small = fc.integer({ min: -20, max: 20 }).map((x) => x / 4);
    const parts: fc.WeightedArbitrary<number>[] = [
      { weight: 6, arbitrary: small },
      { weight: 4, arbitrary: finite },
      { weight: 1, arbitrary: fc.constantFrom(0, -0) },
    ];
    if (specials) parts.push({ weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) });
    if (specials && r === undefined) parts.push({ weight: 1, arbitrary: fc.constantFrom(info.max as number, info.min as number, f32 ? 1.1754943508222875e-38 : 5e-324) });
    return fc.oneof(...parts);
  }
  if (info.bigint) {
    const min = o.range !== undefined && BigInt(Math.ceil(-o.range)) > (info.min as bigint) ? BigInt(Math.ceil(-o.range)) : (info.min as bigint);
    const max = o.range !== undefined && BigInt(Math.floor(o.range)) < (info.max as bigint) ? BigInt(Math.floor(o.range)) : (info.max as bigint);
    return fc.oneof(
      { weight: 4, arbitrary: fc.bigInt({ min: min > -20n ? min : -20n, max: max < 20n ? max : 20n }) },
      { weight: 2, arbitrary: fc.bigInt({ min, max }) },
      { weight: 1, arbitrary: fc.constantFrom(min, max) },
    );
  }
  const min = o.range !== undefined ? Math.max(info.min as number, Math.ceil(-o.range)) : (info.min as number);
  const max = o.range !== undefined ? Math.min(info.max as number, Math.floor(o.range)) : (info.max as number);
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: Math.max(min, -20), max: Math.min(max, 20) }) },
    { weight: 2, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

/** How a generated array is laid out over its buffer. */
export type ViewKind = 'contiguous' | 'transposed' | 'reversed' | 'stepped' | 'offset' | 'broadcast' | 'fortran';

/** Options of {@link arrayArb}. */
export interface ArrayOptions extends ShapeOptions, ValueOptions {
  dtypes?: readonly DType[];
  /** A fixed shape (else drawn). */
  shape?: readonly number[];
  /** Layouts to draw from (default: all). */
  views?: readonly ViewKind[];
}

const ALL_VIEWS: ViewKind[] = ['contiguous', 'transposed', 'reversed', 'stepped', 'offset', 'broadcast', 'fortran'];

function stridesC(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(1, shape[i]!);
  }
  return s;
}

/**
 * Lays `values` (C order over `shape`) into a buffer in the given layout and returns the
 * view. `pick` chooses axes for the layouts that need one.
 */
export function makeView(dtype: DType, shape: readonly number[], values: readonly (number | bigint)[], kind: ViewKind, pick = 0): NDArray {
  const nd = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  const ctor = DTYPES[dtype].ctor;
  const put = (buf: { [i: number]: number | bigint }, pos: number, v: number | bigint): void => {
    buf[pos] = v;
  };
  // writes value k (C order) at the position the strides/offset say
  const layout = (strides: number[], offset: number, bufLen: number): NDArray => {
    const buf = new ctor(Math.max(bufLen, 1)) as unknown as { [i: number]: number | bigint };
    for (let k = 0; k < size; k++) {
      let rem = k;
      let pos = offset;
      for (let d = nd - 1; d >= 0; d--) {
        const i = rem % shape[d]!;
        rem = Math.floor(rem / shape[d]!);
        pos += i * strides[d]!;
      }
      put(buf, pos, values[k]!);
    }
    return new NDArray(buf as never, shape, strides, offset, dtype);
  };
  if (nd === 0 || size === 0 || kind === 'contiguous') return layout(stridesC(shape), 0, size);
  const ax = pick % nd;
  switch (kind) {
    case 'fortran': {
      const s = new Array<number>(nd);
      let acc = 1;
      for (let i = 0; i < nd; i++) {
        s[i] = acc;
        acc *= shape[i]!;
      }
      return layout(s, 0, size);
    }
    case 'transposed': {
      // memory order is the reverse of the axes (a C array's .T), rotated by `pick`
      const order = shape.map((_, i) => i).reverse();
      const rot = order.slice(ax).concat(order.slice(0, ax));
      const s = new Array<number>(nd);
      let acc = 1;
      for (let j = nd - 1; j >= 0; j--) {
        s[rot[j]!] = acc;
        acc *= shape[rot[j]!]!;
      }
      return layout(s, 0, size);
    }
    case 'reversed': {
      const s = stridesC(shape);
      const offset = (shape[ax]! - 1) * s[ax]!;
      s[ax] = -s[ax]!;
      return layout(s, offset, size);
    }
    case 'stepped': {
      // every other element along `ax`, plus a gap after each row
      const big = shape.slice();
      big[ax] = big[ax]! * 2;
      const s = stridesC(big);
      s[ax] = s[ax]! * 2;
      return layout(s, 0, big.reduce((a, b) => a * b, 1) * 2);
    }
    case 'offset': {
      const s = stridesC(shape);
      return layout(s, 3, size + 7);
    }
    case 'broadcast': {
      // stride 0 along `ax`: every index along it holds the same values (the first slice)
      const s = stridesC(shape.map((d, i) => (i === ax ? 1 : d)));
      s[ax] = 0;
      const v = values.slice();
      const inner = shape.slice(ax + 1).reduce((a, b) => a * b, 1);
      const n = shape[ax]!;
      for (let k = 0; k < size; k++) {
        const i = Math.floor(k / inner) % n;
        if (i !== 0) v[k] = v[k - i * inner]!;
      }
      const bufLen = Math.max(1, size / n);
      const buf = new ctor(bufLen) as unknown as { [i: number]: number | bigint };
      for (let k = 0; k < size; k++) {
        let rem = k;
        let pos = 0;
        for (let d = nd - 1; d >= 0; d--) {
          const i = rem % shape[d]!;
          rem = Math.floor(rem / shape[d]!);
          pos += i * s[d]!;
        }
        put(buf, pos, v[k]!);
      }
      const base = new NDArray(buf as never, [bufLen], [1], 0, dtype);
      const view = new NDArray(buf as never, shape, s, 0, dtype, base, false);
      return view;
    }
  }
  return layout(stridesC(shape), 0, size);
}

/** An array of a drawn (or given) shape and dtype, in a drawn layout. */
export function arrayArb(o: ArrayOptions = {}): fc.Arbitrary<NDArray> {
  const shapeA = o.shape !== undefined ? fc.constant(o.shape.slice()) : shapeArb(o);
  return fc
    .tuple(dtypeArb(o.dtypes ?? ALL_DTYPES), shapeA, fc.constantFrom(...(o.views ?? ALL_VIEWS)), fc.nat(7))
    .chain(([dtype, shape, kind, pick]) => {
      const size = shape.reduce((a, b) => a * b, 1);
      return fc
        .array(valueArb(dtype, o), { minLength: size, maxLength: size })
        .map((values) => makeView(dtype, shape, values, kind, pick));
    });
}

/** Two shapes that broadcast together (possibly of different ranks). */
export function broadcastShapesArb(o: ShapeOptions = {}): fc.Arbitrary<[number[], number[]]> {
  return shapeArb(o).chain((full) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
        fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
        fc.nat(full.length),
        fc.nat(full.length),
      )
      .map(([ones1, ones2, drop1, drop2]) => {
        const a = full.map((d, i) => (ones1[i] ? 1 : d)).slice(drop1);
        const b = full.map((d, i) => (ones2[i] ? 1 : d)).slice(drop2);
        return [a, b] as [number[], number[]];
      }),
  );
}

/** Samples `n` values of an arbitrary with a fixed seed (for batched oracle tests). */
export function sample<T>(arb: fc.Arbitrary<T>, n: number, seed = 42): T[] {
  return fc.sample(arb, { numRuns: n, seed });
}
