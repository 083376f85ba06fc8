/**
 * Naive reference for float digits, sharing no code with numbat's printing: the exact
 * decimal value of a float by scaling it to an integer, the shortest digits by trying every
 * length and checking the candidates against the exact rounding interval (midpoints to the
 * neighbouring floats, found by stepping the bit pattern), and precision cut-offs by
 * rounding the exact value half to even. It reproduces NumPy's
 * `format_float_positional(x, precision=p)` and `format_float_scientific(x, precision=p)`
 * with the other options at their defaults.
 */

/** An exact decimal `n / 10^k` (n may be negative). */
interface Dec {
  n: bigint;
  k: number;
}

type Kind = 'float64' | 'float32';

function exact(x: number): Dec {
  // multiplying by 2 is exact, so x * 2^s is an integer for some s
  let v = x;
  let s = 0;
  while (!Number.isInteger(v)) {
    v *= 2;
    s++;
  }
  return { n: BigInt(v) * 5n ** BigInt(s), k: s };
}

function align(a: Dec, b: Dec): [bigint, bigint] {
  const k = Math.max(a.k, b.k);
  return [a.n * 10n ** BigInt(k - a.k), b.n * 10n ** BigInt(k - b.k)];
}

function cmp(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function midpoint(a: Dec, b: Dec): Dec {
  const [x, y] = align(a, b);
  return { n: (x + y) * 5n, k: Math.max(a.k, b.k) + 1 };
}

/** The float next to `x` (>= 0) in the given direction, by stepping its bit pattern. */
function neighbour(x: number, kind: Kind, up: boolean): number {
  if (kind === 'float32') {
    const f = new Float32Array([x]);
    const u = new Uint32Array(f.buffer);
    u[0] = u[0]! + (up ? 1 : -1);
    return f[0]!;
  }
  const f = new Float64Array([x]);
  const u = new BigUint64Array(f.buffer);
  u[0] = u[0]! + (up ? 1n : -1n);
  return f[0]!;
}

function isEvenMantissa(x: number, kind: Kind): boolean {
  if (kind === 'float32') return (new Uint32Array(new Float32Array([x]).buffer)[0]! & 1) === 0;
  return (new BigUint64Array(new Float64Array([x]).buffer)[0]! & 1n) === 0n;
}

/** Digit string and power of ten of the first digit of a positive exact decimal. */
function digitsOf(d: Dec): { digits: string; exp: number } {
  const s = d.n.toString();
  return { digits: s, exp: s.length - 1 - d.k };
}

/** Rounds positive `d` half to even at the digit of power `pos`: the integer count of 10^pos units. */
function roundAt(d: Dec, pos: number): bigint {
  // d / 10^pos = n / 10^(k + pos)
  const shift = d.k + pos;
  if (shift <= 0) return d.n * 10n ** BigInt(-shift);
  const den = 10n ** BigInt(shift);
  const q = d.n / den;
  const r = d.n - q * den;
  if (2n * r > den || (2n * r === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Shortest digits (and exponent of the first) that round back to positive finite `x`. */
function shortest(x: number, kind: Kind): { digits: string; exp: number } {
  const ex = exact(x);
  const down = midpoint(ex, exact(neighbour(x, kind, false)));
  const upNb = neighbour(x, kind, true);
  // past the largest float the interval ends as far above x as it starts below
  const up = Number.isFinite(upNb) ? midpoint(ex, exact(upNb)) : (() => {
    const [a, b] = align(ex, down);
    return { n: 2n * a - b, k: Math.max(ex.k, down.k) };
  })();
  const even = isEvenMantissa(x, kind);
  const inside = (c: Dec): boolean => {
    const lo = cmp(c, down);
    const hi = cmp(c, up);
    return (lo > 0 || (lo === 0 && even)) && (hi < 0 || (hi === 0 && even));
  };
  const top = digitsOf(ex).exp;
  for (let p = 1; p <= 20; p++) {
    const pos = top - p + 1;
    const lo = roundDownAt(ex, pos);
    const cands = [lo, lo + 1n].map((n) => ({ n, dec: pos >= 0 ? { n: n * 10n ** BigInt(pos), k: 0 } : { n, k: -pos } }));
    const ok = cands.filter((c) => inside(c.dec));
    if (ok.length === 0) continue;
    let best = ok[0]!;
    if (ok.length === 2) {
      const d0 = cmp(midpoint(ok[0]!.dec, ok[1]!.dec), ex);
      // the midpoint of the two candidates above x means the lower one is closer
      best = d0 > 0 ? ok[0]! : d0 < 0 ? ok[1]! : (ok[0]!.n & 1n) === 0n ? ok[0]! : ok[1]!;
    }
    const s = best.n.toString().replace(/0+$/, '');
    return { digits: s, exp: pos + best.n.toString().length - 1 };
  }
  throw new Error(`no shortest digits for ${x}`);
}

function roundDownAt(d: Dec, pos: number): bigint {
  const shift = d.k + pos;
  if (shift <= 0) return d.n * 10n ** BigInt(-shift);
  return d.n / 10n ** BigInt(shift);
}

/**
 * Digits of `x` cut at the digit of power `pos` (shortest digits when they end before it),
 * as Dragon4 leaves them: a carry drops the zeros it creates, a kept last zero stays.
 */
function cutDigits(x: number, kind: Kind, pos: number | null): { digits: string; exp: number } {
  const sh = shortest(x, kind);
  if (pos === null || sh.exp - sh.digits.length + 1 >= pos) return sh;
  const ex = exact(x);
  const r = roundAt(ex, pos);
  const down = roundDownAt(ex, pos);
  let s = r.toString();
  const exp = pos + s.length - 1;
  if (r !== down) s = s.replace(/0+$/, '');
  if (s === '') s = '0';
  return { digits: s, exp: r === 0n ? pos : exp };
}

/** NumPy's `format_float_positional(x, precision=p)` (unique digits, trim 'k'). */
export function refFloatPositional(x: number, kind: Kind, precision: number | null): string {
  if (Number.isNaN(x)) return 'nan';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (!Number.isFinite(x)) return `${sign}inf`;
  if (x === 0) return `${sign}0.`;
  const { digits, exp } = cutDigits(Math.abs(x), kind, precision === null ? null : -precision);
  if (exp >= 0) {
    const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    return `${sign}${int}.${digits.slice(exp + 1)}`;
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** NumPy's `format_float_scientific(x, precision=p)` (unique digits, trim 'k'). */
export function refFloatScientific(x: number, kind: Kind, precision: number | null): string {
  if (Number.isNaN(x)) return 'nan';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (!Number.isFinite(x)) return `${sign}inf`;
  let digits = '0';
  let exp = 0;
  if (x !== 0) {
    const top = digitsOf(exact(Math.abs(x))).exp;
    ({ digits, exp } = cutDigits(Math.abs(x), kind, precision === null ? null : top - precision));
  }
  const e = `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return `${sign}${digits.charAt(0)}.${digits.slice(1)}${e}`;
}
