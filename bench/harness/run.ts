/**
 * The benchmark runner (`npm run bench`): writes the inputs, runs every (library, workload)
 * in its own process one after another (NumPy through python3), checks each result against
 * numbat's, and writes `bench/RESULTS.md` and `bench/RESULTS.json`.
 *
 * Options: `--libs numbat,numpy,...` (default all), `--only <substring of workload ids>`,
 * `--src` (numbat from its TypeScript sources instead of the built package),
 * `--out <file>` (default bench/RESULTS.md; the JSON goes beside it), `--baseline <index.ts>`
 * (also runs numbat from that module as the library `numbat-base`: before/after in one run;
 * or `--baseline <dir>`, a copy of the repository holding `packages/{ndarray,autograd,nn}/src`
 * (and a `node_modules` link): `numbat-base` then imports all three packages from there,
 * so the MLP step and conv2d compare too),
 * `--report-only` (rewrites RESULTS.md from RESULTS.json, e.g. after editing notes.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIB_ORDER, compareResults, type LibResult, type RunInfo } from './report-types.js';
import { writeReport } from './report.js';
import { writeInputs } from './inputs.js';
import { workloads } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = join(here, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function numpyEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/**
 * A tsconfig mapping `@numbat/*` to the baseline tree `root` (tsx reads it from
 * TSX_TSCONFIG_PATH), written into `dir`; returns its path.
 */
function baselineTsconfig(root: string, dir: string): string {
  const src = (p: string, entry: string): string[] => [join(root, 'packages', p, 'src', entry)];
  const config = {
    extends: join(benchDir, '..', 'tsconfig.base.json'),
    compilerOptions: {
      paths: { '@numbat/ndarray': src('ndarray', 'node.ts'), '@numbat/autograd': src('autograd', 'index.ts'), '@numbat/nn': src('nn', 'node.ts') },
    },
  };
  const file = join(dir, 'tsconfig.baseline.json');
  writeFileSync(file, JSON.stringify(config, null, 1));
  return file;
}

function parseLine(stdout: string): LibResult {
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (line === undefined) return { status: 'error', message: `no output: ${stdout.slice(-300)}` };
  return JSON.parse(line) as LibResult;
}

function main(): void {
  if (process.argv.includes('--report-only')) {
    // rewrite RESULTS.md from RESULTS.json (after editing notes.md), without running anything
    const out = arg('--out') ?? join(benchDir, 'RESULTS.md');
    const saved = JSON.parse(readFileSync(out.replace(/\.md$/, '') + '.json', 'utf8')) as { info: RunInfo; results: Record<string, Record<string, LibResult>> };
    const only = arg('--only');
    const list = workloads().filter((w) => saved.results[w.id] !== undefined && (only === undefined || only.split(',').some((o) => w.id.includes(o))));
    writeReport(out, list, saved.results, saved.info, join(here, 'notes.md'));
    return;
  }
  const started = Date.now();
  const load0 = loadavg()[0]!;
  const libs = (arg('--libs') ?? LIB_ORDER.join(',')).split(',');
  const only = arg('--only');
  const out = arg('--out') ?? join(benchDir, 'RESULTS.md');
  const useSrc = process.argv.includes('--src');
  const baseline = arg('--baseline');
  const order: string[] = [...LIB_ORDER];
  if (baseline !== undefined) order.splice(1, 0, 'numbat-base');
  const list = workloads().filter((w) => only === undefined || only.split(',').some((o) => w.id.includes(o)));
  const dir = mkdtempSync(join(tmpdir(), 'numbat-bench-'));
  try {
    writeInputs(dir);
    const baseTsconfig = baseline !== undefined && statSync(baseline).isDirectory() ? baselineTsconfig(baseline, dir) : undefined;
    const np = spawnSync('python3', [join(here, 'numpy_child.py'), '--info'], { env: numpyEnv(), encoding: 'utf8' });
    const numpyInfo = np.status === 0 ? (JSON.parse(np.stdout) as RunInfo['numpy']) : null;
    const results: Record<string, Record<string, LibResult>> = {};
    for (const w of list) {
      results[w.id] = {};
      const ref = join(dir, `numbat.${w.id.replace('/', '.')}.bin`);
      for (const lib of order.filter((l) => libs.includes(l) || (l === 'numbat-base' && libs.includes('numbat')))) {
        const file = lib === 'numbat' ? ref : join(dir, `${lib}.bin`);
        const t0 = Date.now();
        const p =
          lib === 'numpy'
            ? spawnSync('python3', [join(here, 'numpy_child.py'), JSON.stringify(w), dir, file], { env: numpyEnv(), encoding: 'utf8', timeout: 300_000 })
            : spawnSync(process.execPath, ['--import', 'tsx', join(here, 'child.ts'), lib, w.id, dir, file], {
                env: {
                  ...process.env,
                  NUMBAT_SRC: useSrc ? '1' : '0',
                  NUMBAT_IMPORT: lib === 'numbat-base' ? baseline : '',
                  ...(lib === 'numbat-base' && baseTsconfig !== undefined ? { TSX_TSCONFIG_PATH: baseTsconfig } : {}),
                },
                encoding: 'utf8',
                timeout: 300_000,
              });
        let r: LibResult = p.error ? { status: 'error', message: String(p.error) } : parseLine(p.stdout ?? '');
        if (r.status === 'error' && p.stderr) r.message += ` | ${p.stderr.trim().split('\n').slice(-3).join(' ')}`;
        if (r.status === 'ok') {
          if (lib !== 'numbat') {
            r.check = existsSync(ref) ? compareResults(w, readFileSync(ref), r.shape!, readFileSync(file)) : 'numbat failed: unchecked';
            rmSync(file, { force: true });
          } else r.check = 'ok';
        }
        results[w.id]![lib] = r;
        const shown = r.status === 'ok' ? `${(r.timing!.median * 1e3).toFixed(3)} ms (cpu ${(r.timing!.cpu * 1e3).toFixed(3)}) ${r.check === 'ok' ? '' : `[${r.check}]`}` : `${r.status}: ${r.reason ?? r.message}`;
        process.stderr.write(`${w.id.padEnd(22)} ${lib.padEnd(10)} ${shown}  (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
      }
    }
    const info: RunInfo = {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      numpy: numpyInfo,
      numbatFrom: useSrc ? 'sources (tsx)' : 'built package (dist)',
      seconds: (Date.now() - started) / 1000,
      load: [load0, loadavg()[0]!],
    };
    writeFileSync(out.replace(/\.md$/, '') + '.json', JSON.stringify({ info, results }, null, 1) + '\n');
    writeReport(out, list, results, info, join(here, 'notes.md'));
    process.stderr.write(`wrote ${out} in ${info.seconds.toFixed(0)} s\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
