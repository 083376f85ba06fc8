/**
 * The workloads of the benchmark suite (issue 7), one table shared by the runner, the JS
 * children and (as JSON) the NumPy child. Every library computes the same thing on the same
 * inputs; the runner checks each result against numbat's before a time counts.
 *
 * Inputs (generated once per run by `inputs.ts`, read by every process from raw files):
 * `a`, `b`: (1000, 1000) uniform in [-1, 1); `c`: (1000,); `x`, `y`: (100,);
 * `A<N>`, `B<N>`: (N, N) for the matmul sizes.
 */

/** The float dtypes every workload runs in. */
export type BenchDType = 'float64' | 'float32';

/** The kind of operation (each library adapter implements each kind once). */
export type Kind =
  | 'add'
  | 'add_bcast'
  | 'exp'
  | 'sum'
  | 'sum_ax0'
  | 'sum_ax1'
  | 'argmax_ax1'
  | 'std'
  | 'transpose_copy'
  | 'strided_add'
  | 'matmul'
  | 'add100'
  | 'mlp_step'
  | 'conv2d';

/** One workload: an operation at one size and dtype. */
export interface Workload {
  /** Unique id, e.g. `add/float64`, `matmul256/float32`. */
  id: string;
  /** Human label (the NumPy expression). */
  label: string;
  kind: Kind;
  dtype: BenchDType;
  /** Matrix size for matmul. */
  n?: number;
  /** Floating-point operations per call (for GFLOP/s), or 0. */
  flops: number;
  /** Bytes that must move at least once per call (for GB/s), or 0. */
  bytes: number;
  /** How the comparison with numbat is made: element-wise tolerance relative to the scale. */
  check: 'exact' | 'elementwise' | 'reduction' | 'matmul' | 'training';
  /** Products summed per output element (matmul, conv2d): scales the absolute tolerance. */
  terms?: number;
}

/** Side of the square test matrix of the 1e6-element workloads. */
export const SIDE = 1000;
/** Length of the per-call overhead operands. */
export const SMALL = 100;
/** Matmul sizes. */
export const MATMUL_SIZES = [64, 256, 1024] as const;

const ITEM: Record<BenchDType, number> = { float64: 8, float32: 4 };

/**
 * The MLP training step: `Linear(784, 128) -> ReLU -> Linear(128, 10)`, softmax
 * cross-entropy (mean over the batch) against integer labels, backward, one plain SGD
 * update of the four parameters (`p -= lr * grad`). Inputs `X` (batch, 784), labels `Y`
 * (batch,) with values 0..9 (stored as floats), `W1` (128, 784), `b1`, `W2` (10, 128),
 * `b2`, scaled as PyTorch's default initialisation (U(+-1/sqrt(fan in))).
 */
export const MLP = { batch: 64, inF: 784, hidden: 128, outF: 10, lr: 0.01 } as const;

/**
 * The conv2d workload: `conv2d(x, w, b)` with x (32, 3, 32, 32) NCHW, w (16, 3, 3, 3),
 * b (16,), stride 1, padding 1 (output (32, 16, 32, 32)); forward only, no gradient.
 */
export const CONV = { batch: 32, cin: 3, cout: 16, h: 32, w: 32, k: 3, pad: 1 } as const;

/** Floating-point operations of one MLP step (forward, backward without dX, SGD). */
function mlpFlops(): number {
  const { batch: B, inF, hidden: H, outF: O } = MLP;
  // forward: two matmuls; backward: dW2, dA, dW1 (no gradient for X)
  return 2 * B * (inF * H + H * O) + 2 * B * (H * O + O * H + inF * H);
}

/** Every workload, in report order. */
export function workloads(): Workload[] {
  const out: Workload[] = [];
  const n = SIDE * SIDE;
  for (const dtype of ['float64', 'float32'] as const) {
    const s = ITEM[dtype];
    const w = (kind: Kind, label: string, bytes: number, check: Workload['check'], flops = 0, size?: number): void => {
      const name = kind === 'matmul' ? `matmul${size}` : kind;
      out.push({ id: `${name}/${dtype}`, label, kind, dtype, flops, bytes, check, ...(size === undefined ? {} : { n: size, terms: size }) });
    };
    w('add', 'a + b', 3 * n * s, 'elementwise', n);
    w('add_bcast', 'a + c  ((1000,1000) + (1000,))', (2 * n + SIDE) * s, 'elementwise', n);
    w('exp', 'exp(a)', 2 * n * s, 'elementwise');
    w('sum', 'a.sum()', n * s, 'reduction', n);
    w('sum_ax0', 'a.sum(axis=0)', n * s, 'reduction', n);
    w('sum_ax1', 'a.sum(axis=1)', n * s, 'reduction', n);
    w('argmax_ax1', 'a.argmax(axis=1)', n * s, 'exact');
    w('std', 'a.std()', n * s, 'reduction');
    w('transpose_copy', 'ascontiguousarray(a.T)', 2 * n * s, 'exact');
    w('strided_add', 'a[::2, ::-1] + 1', n * s, 'elementwise', n / 2);
    for (const m of MATMUL_SIZES) w('matmul', `A @ B  (${m}x${m})`, 3 * m * m * s, 'matmul', 2 * m * m * m, m);
    w('add100', 'x + y  (100 elements: per-call overhead)', 3 * SMALL * s, 'elementwise', SMALL);
    const { batch: B, inF, hidden: H, outF: O } = MLP;
    out.push({
      id: `mlp_step/${dtype}`,
      label: `MLP step ${inF}-${H}-${O}, batch ${B} (fwd, xent, bwd, SGD)`,
      kind: 'mlp_step',
      dtype,
      flops: mlpFlops(),
      bytes: 0,
      check: 'training',
    });
    const { batch: N, cin, cout, h, w: wd, k } = CONV;
    out.push({
      id: `conv2d/${dtype}`,
      label: `conv2d (${N},${cin},${h},${wd}) * (${cout},${cin},${k},${k}), pad 1`,
      kind: 'conv2d',
      dtype,
      flops: 2 * N * cout * h * wd * cin * k * k,
      bytes: 0,
      check: 'matmul',
      terms: cin * k * k,
    });
  }
  return out;
}

/** Workloads the issue asks for that need packages not written yet (hooks for later; none left). */
export const PENDING: readonly { id: string; label: string; needs: string }[] = [];
