/**
 * The subscripts of `np.einsum` (internal): NumPy's grammar and its checks, in NumPy's
 * order and with its messages (`PyArray_EinsteinSum` in `numpy/_core/src/multiarray/
 * einsum.cpp` and the sublist conversion of `multiarraymodule.c`).
 *
 * Labels are character codes of the letters `a-zA-Z`; `0` marks a broadcast axis (one
 * covered by an ellipsis). The implicit output is the broadcast axes followed by the labels
 * that appear exactly once, in code order (so upper case before lower case, as NumPy).
 */
import { DTypeError, ValueError } from '../errors.js';

/** An einsum sublist (NumPy's interleaved form): label numbers 0-51 and `'...'`. */
export type EinsumSublist = readonly (number | '...')[];

/** The parsed subscripts. */
export interface EinsumSpec {
  /** Per operand, per axis: the label's code, or 0 for a broadcast axis. */
  opLabels: number[][];
  /** Output labels in output order (0 for broadcast axes). */
  outLabels: number[];
  /** Occurrences of each label code in the inputs (repeats within an operand count). */
  counts: Int32Array;
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const DOT = 46;
const SPACE = 32;

function invalidSubscript(ch: string): ValueError {
  return new ValueError(`invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`);
}

/** `parse_operand_subscripts`: the labels of operand `iop` from `s[start..end)`. */
function parseOperand(s: string, start: number, end: number, ndim: number, iop: number, counts: Int32Array): number[] {
  const labels: number[] = [];
  let ellipsis = -1;
  const length = end - start;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(start + i);
    if (isLetter(c)) {
      if (labels.length >= ndim) throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${iop}`);
      labels.push(c);
      counts[c]!++;
    } else if (c === DOT) {
      if (ellipsis !== -1 || i + 2 >= length || s.charCodeAt(start + ++i) !== DOT || s.charCodeAt(start + ++i) !== DOT) {
        throw new ValueError(`einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand ${iop}`);
      }
      ellipsis = labels.length;
    } else if (c !== SPACE) throw invalidSubscript(s.charAt(start + i));
  }
  if (ellipsis === -1) {
    if (labels.length !== ndim) {
      throw new ValueError(
        "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
      );
    }
    return labels;
  }
  const zeros = new Array<number>(ndim - labels.length).fill(0);
  return [...labels.slice(0, ellipsis), ...zeros, ...labels.slice(ellipsis)];
}

/** `parse_output_subscripts`: the output labels, the ellipsis standing for `nb` broadcast axes. */
function parseOutput(s: string, nb: number, counts: Int32Array): number[] {
  const out: number[] = [];
  let ellipsis = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) {
      const ch = s.charAt(i);
      if (s.indexOf(ch, i + 1) !== -1) throw new ValueError(`einstein sum subscripts string includes output subscript '${ch}' multiple times`);
      if (counts[c] === 0) throw new ValueError(`einstein sum subscripts string included output subscript '${ch}' which never appeared in an input`);
      out.push(c);
    } else if (c === DOT) {
      if (ellipsis || i + 2 >= s.length || s.charCodeAt(++i) !== DOT || s.charCodeAt(++i) !== DOT) {
        throw new ValueError("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
      }
      ellipsis = true;
      for (let b = 0; b < nb; b++) out.push(0);
    } else if (c !== SPACE) throw invalidSubscript(s.charAt(i));
  }
  if (!ellipsis && nb > 0) {
    throw new ValueError(
      "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
    );
  }
  return out;
}

/** Parses `subscripts` for operands of `ndims` axes, with NumPy's checks and messages. */
export function parseSubscripts(subscripts: string, ndims: readonly number[]): EinsumSpec {
  const nop = ndims.length;
  if (nop < 1) throw new ValueError('not enough operands provided to einstein sum function');
  const counts = new Int32Array(128);
  const opLabels: number[][] = [];
  const s = subscripts;
  let pos = 0;
  for (let iop = 0; iop < nop; iop++) {
    let end = pos;
    while (end < s.length && s[end] !== ',' && s[end] !== '-') end++;
    const term = end < s.length ? s[end] : '';
    if (iop === nop - 1 && term === ',') {
      throw new ValueError('more operands provided to einstein sum function than specified in the subscripts string');
    } else if (iop < nop - 1 && term !== ',') {
      throw new ValueError('fewer operands provided to einstein sum function than specified in the subscripts string');
    }
    opLabels.push(parseOperand(s, pos, end, ndims[iop]!, iop, counts));
    pos = iop < nop - 1 ? end + 1 : end;
  }
  let nb = 0;
  for (const labels of opLabels) nb = Math.max(nb, labels.filter((l) => l === 0).length);
  const rest = s.slice(pos);
  let outLabels: number[];
  if (rest.length === 0) {
    outLabels = new Array<number>(nb).fill(0);
    for (let c = 0; c < 128; c++) if (counts[c] === 1) outLabels.push(c);
  } else {
    if (!rest.startsWith('->')) throw new ValueError("einstein sum subscript string does not contain proper '->' output specified");
    outLabels = parseOutput(rest.slice(2), nb, counts);
  }
  return { opLabels, outLabels, counts };
}

/** `einsum_list_to_subscripts`: one sublist as subscripts text. */
function sublistText(list: unknown): string {
  if (!Array.isArray(list)) throw new DTypeError('the subscripts for each operand must be a list or a tuple');
  let ellipsis = false;
  let text = '';
  for (const item of list as unknown[]) {
    if (item === '...') {
      if (ellipsis) throw new ValueError('each subscripts list may have only one ellipsis');
      text += '...';
      ellipsis = true;
    } else {
      if (typeof item !== 'number' || !Number.isInteger(item)) throw new DTypeError('each subscript must be either an integer or an ellipsis');
      if (item < 0 || item >= 52) throw new ValueError('subscript is not within the valid range [0, 52)');
      text += String.fromCharCode(item < 26 ? 65 + item : 97 + item - 26);
    }
  }
  return text;
}

/**
 * NumPy's interleaved form `einsum(op0, sublist0, op1, sublist1, ..., [sublistOut])` as a
 * subscripts string and the operands (labels 0-25 are `A-Z`, 26-51 `a-z`, as NumPy).
 */
export function fromSublists(args: readonly unknown[]): { subscripts: string; operands: unknown[] } {
  const nop = Math.floor(args.length / 2);
  if (nop === 0) throw new ValueError('must provide at least an operand and a subscripts list to einsum');
  const parts: string[] = [];
  const operands: unknown[] = [];
  for (let i = 0; i < nop; i++) {
    operands.push(args[2 * i]);
    parts.push(sublistText(args[2 * i + 1]));
  }
  let subscripts = parts.join(',');
  if (args.length === 2 * nop + 1) subscripts += `->${sublistText(args[2 * nop])}`;
  return { subscripts, operands };
}
