/**
 * Gradient mode: whether ops record themselves on the tape. One module-level flag, set
 * for the duration of a callback and restored afterwards (also when it throws), as
 * PyTorch's `torch.no_grad()` / `torch.enable_grad()` context managers.
 */

let enabled = true;

/**
 * True when ops record on the tape (the default; false inside {@link noGrad}).
 *
 * @example
 * ag.isGradEnabled(); // true
 * ag.noGrad(() => ag.isGradEnabled()); // false
 */
export function isGradEnabled(): boolean {
  return enabled;
}

/** Runs `fn` with gradient mode set to `mode`, restoring the previous mode afterwards. */
export function withGradMode<T>(mode: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = mode;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}

/**
 * Runs `fn` without recording: tensors computed inside do not require grad
 * (`torch.no_grad()`). Use it for evaluation and for in-place parameter updates.
 *
 * @example
 * const w = ag.tensor([1, 2], { requiresGrad: true });
 * const y = ag.noGrad(() => w.mul(2));
 * y.requiresGrad; // false
 */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

/**
 * Runs `fn` with recording on, even inside {@link noGrad} (`torch.enable_grad()`).
 *
 * @example
 * ag.noGrad(() => ag.enableGrad(() => ag.isGradEnabled())); // true
 */
export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, fn);
}
