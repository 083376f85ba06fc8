/**
 * The op-coverage table: one row per API.md family, listing the names numbat exports for
 * it, read from the modules themselves (so the README cannot drift from the code).
 */
// the package entry first: it loads ndarray.ts before the modules that close import cycles with it
import * as pkg from '../packages/ndarray/src/node.js';
import * as ufuncs from '../packages/ndarray/src/ufunc/index.js';
import * as creation from '../packages/ndarray/src/ops/creation.js';
import * as convert from '../packages/ndarray/src/ops/convert.js';
import * as shape from '../packages/ndarray/src/ops/shape.js';
import * as join from '../packages/ndarray/src/ops/join.js';
import * as indexing from '../packages/ndarray/src/ops/indexing.js';
import * as elementwise from '../packages/ndarray/src/ops/elementwise.js';
import * as reductions from '../packages/ndarray/src/ops/reductions.js';
import * as nanReductions from '../packages/ndarray/src/ops/nan-reductions.js';
import * as statistics from '../packages/ndarray/src/ops/statistics.js';
import * as products from '../packages/ndarray/src/ops/products.js';
import * as dtypeApi from '../packages/ndarray/src/ops/dtype-api.js';
import * as print from '../packages/ndarray/src/print/index.js';
import * as io from '../packages/ndarray/src/io/index.js';
import * as ioNode from '../packages/ndarray/src/io/node.js';
import * as sorting from '../packages/ndarray/src/ops/sorting.js';
import * as einsum from '../packages/ndarray/src/ops/einsum.js';
import * as porting from '../packages/ndarray/src/ops/porting.js';
import * as linalg from '../packages/ndarray/src/linalg/index.js';
import * as random from '../packages/ndarray/src/random/index.js';
import * as parallel from '../packages/ndarray/src/parallel/pool.js';

/** Exported functions of a module that are also public in `@numbat/ndarray` (or in one of its namespaces). */
function publicFunctions(mod: Record<string, unknown>, namespace?: string): string[] {
  const root = pkg as Record<string, unknown>;
  const pub = (namespace === undefined ? root : root[namespace]) as Record<string, unknown>;
  return Object.keys(mod)
    .filter((k) => typeof mod[k] === 'function' && pub[k] === mod[k] && !/^[A-Z]/.test(k))
    .sort();
}

function ufuncNames(filter: (u: { nin: number }) => boolean): string[] {
  const table = ufuncs.UFUNCS as Record<string, { nin: number; npName: string }>;
  return Object.keys(table)
    .filter((k) => filter(table[k]!))
    .sort();
}

/** The markdown table. */
export function coverageTable(): string {
  const rows: [string, string[]][] = [
    ['Creation', [...publicFunctions(convert), ...publicFunctions(creation)].sort()],
    ['Shape', [...publicFunctions(shape), ...publicFunctions(join)].sort()],
    ['Indexing', publicFunctions(indexing)],
    ['Ufuncs, unary (each with `.at`)', ufuncNames((u) => u.nin === 1)],
    ['Ufuncs, binary (each with `.reduce`, `.accumulate`, `.reduceat`, `.outer`, `.at`)', ufuncNames((u) => u.nin === 2)],
    ['Element-wise, other', publicFunctions(elementwise)],
    ['Reductions', publicFunctions(reductions)],
    ['NaN-ignoring reductions', publicFunctions(nanReductions)],
    ['Statistics', publicFunctions(statistics)],
    ['Products', [...publicFunctions(products), ...publicFunctions(einsum)].sort()],
    ['Sorting and searching', publicFunctions(sorting)],
    ['Porting essentials', publicFunctions(porting)],
    ['dtypes', publicFunctions(dtypeApi)],
    ['Printing', publicFunctions(print)],
    ['`np.linalg`', publicFunctions(linalg, 'linalg')],
    ['`np.random`', publicFunctions(random, 'random')],
    ['I/O (bytes, browser-safe)', publicFunctions(io)],
    ['I/O (files, Node entry)', publicFunctions(ioNode)],
    ['Threads', publicFunctions(parallel)],
  ];
  const lines = ['| family | count | numbat names |', '|---|---:|---|'];
  for (const [family, names] of rows) {
    if (names.length === 0) continue;
    lines.push(`| ${family} | ${names.length} | ${names.map((n) => '`' + n + '`').join(', ')} |`);
  }
  return lines.join('\n');
}
