/**
 * numbat in a real browser (headless Debian Chromium through playwright-core):
 * 1. the built ESM bundles of `@numbat/ndarray`, `@numbat/autograd` and `@numbat/nn`,
 *    resolved by an import map as a browser resolves them (each package's non-Node
 *    `import` export), load from a local static server and train the XOR network in the
 *    page (100% accuracy, read back from the page);
 * 2. the report of a `npm start -- --quick` run opens in the same browser with every plot
 *    rendered (each figure holds a sized SVG with its marks; every digit image decodes),
 *    and a screenshot is kept in `out/browser-test/report.png`.
 *
 * `npm test` builds the bundles first. Without Chromium these tests skip loudly, except
 * with `CI=true` (see `harness.ts`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, hasChromium, launchChromium, serveStatic, type LaunchedBrowser, type StaticServer } from './harness.js';

/** The file a browser loads for a package: its `exports['.'].import.default` (not the `node` condition). */
function browserEntry(packageDir: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, packageDir, 'package.json'), 'utf8')) as {
    exports: { '.': { import: { default: string } } };
  };
  return `/${packageDir}/${pkg.exports['.'].import.default.replace(/^\.\//, '')}`;
}

const IMPORTS: Record<string, string> = {
  '@numbat/ndarray': browserEntry('packages/ndarray'),
  '@numbat/autograd': browserEntry('packages/autograd'),
  '@numbat/nn': browserEntry('packages/nn'),
  fflate: browserEntry('node_modules/fflate'), // @numbat/ndarray's one dependency (.npz)
};

/** The page: loads each package in turn (so a failure names its package), then trains XOR. */
const XOR_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>numbat in the browser</title>
<script type="importmap">${JSON.stringify({ imports: IMPORTS })}</script>
</head><body><pre id="out">running</pre>
<script type="module">
const result = { loaded: {}, errors: {} };
const mods = {};
for (const name of ['@numbat/ndarray', '@numbat/autograd', '@numbat/nn']) {
  try {
    mods[name] = await import(name);
    result.loaded[name] = Object.keys(mods[name]).length;
  } catch (e) {
    result.errors[name] = String(e && e.message ? e.message : e);
  }
}
try {
  const np = mods['@numbat/ndarray'], ag = mods['@numbat/autograd'], nn = mods['@numbat/nn'];
  if (np) {
    result.sums = np.arange(6).reshape(2, 3).sum(0).tolist();
    result.printed = String(np.arange(3));
  }
  if (np && ag && nn) {
    np.random.seed(0);
    const X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], { dtype: 'float64' });
    const y = np.array([[0], [1], [1], [0]], { dtype: 'float64' });
    const model = new nn.Sequential(new nn.Linear(2, 4), new nn.Tanh(), new nn.Linear(4, 1), new nn.Sigmoid());
    const loader = new nn.data.DataLoader(new nn.data.TensorDataset(X, y), { batchSize: 4 });
    const history = nn.fit(model, loader, {
      loss: nn.functional.bceLoss,
      optimizer: new nn.optim.Adam(model.parameters(), { lr: 0.1 }),
      epochs: 200,
      metrics: ['accuracy'],
      verbose: 'line',
    });
    const predict = (m) => ag.noGrad(() => m.forward(ag.asTensor(X))).data;
    const p = predict(model);
    const predicted = np.greater(p, 0.5).astype('float64');
    result.accuracy = Number(np.equal(predicted, y).sum()) / 4;
    result.loss = history.loss.at(-1);
    result.predictions = p.tolist().map((r) => r[0]);
    try {
      nn.save(model, 'model.npz');
      result.save = 'no error';
    } catch (e) {
      result.save = e.name + ': ' + e.message;
    }
    const copy = new nn.Sequential(new nn.Linear(2, 4), new nn.Tanh(), new nn.Linear(4, 1), new nn.Sigmoid());
    const bytes = np.toNpz(model.stateDict());
    copy.loadStateDict(np.fromNpz(bytes));
    result.npzBytes = bytes.length;
    result.reloaded = predict(copy).tolist().map((r) => r[0]);
  }
} catch (e) {
  result.errors.page = String(e && e.stack ? e.stack : e);
}
window.__numbat = result;
document.getElementById('out').textContent = JSON.stringify(result, null, 2);
</script></body></html>`;

interface PageResult {
  loaded: Record<string, number>;
  errors: Record<string, string>;
  sums?: number[];
  printed?: string;
  accuracy?: number;
  loss?: number;
  predictions?: number[];
  save?: string;
  npzBytes?: number;
  reloaded?: number[];
}

/** What the report page says of one `figure.plot`. */
interface FigureFacts {
  id: string;
  /** Direct `<svg>` children (one per figure). */
  svgs: number;
  width: number;
  height: number;
  /** Data marks drawn by Vega (`role-mark`; axes and legends not counted). */
  lines: number;
  symbols: number;
  rects: number;
  texts: number;
  /** `<image>` elements, and the natural width of each once decoded (0 when it fails). */
  images: number;
  decoded: number[];
}

/** Run in the report page (plain JS: the test's TypeScript has no DOM types): the facts of every figure. */
const FIGURE_PROBE = `(async () => {
  const out = [];
  for (const fig of document.querySelectorAll('figure.plot')) {
    const svgs = fig.querySelectorAll(':scope > svg');
    const box = svgs[0] ? svgs[0].getBoundingClientRect() : { width: 0, height: 0 };
    const count = (sel) => fig.querySelectorAll(sel).length;
    const hrefs = Array.from(fig.querySelectorAll('image'), (im) => im.getAttribute('href') || im.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '');
    const decoded = [];
    for (const href of hrefs) {
      const img = new Image();
      img.src = href;
      try {
        await img.decode();
        decoded.push(img.naturalWidth);
      } catch {
        decoded.push(0);
      }
    }
    out.push({
      id: fig.id,
      svgs: svgs.length,
      width: box.width,
      height: box.height,
      lines: count('.mark-line.role-mark path'),
      symbols: count('.mark-symbol.role-mark path'),
      rects: count('.mark-rect.role-mark path'),
      texts: count('.mark-text.role-mark text'),
      images: hrefs.length,
      decoded,
    });
  }
  return out;
})()`;

/** Collects the page's uncaught errors and console errors. */
function watch(page: Page): { errors: string[]; console: string[] } {
  const seen = { errors: [] as string[], console: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => {
    seen.console.push(m.text());
    if (m.type() === 'error') seen.errors.push(`console: ${m.text()}`);
  });
  return seen;
}

describe.runIf(hasChromium)('in headless Chromium', () => {
  let browser: LaunchedBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    for (const path of Object.values(IMPORTS)) {
      expect(existsSync(join(ROOT, path)), `${path} is missing: run npm run build first`).toBe(true);
    }
    server = await serveStatic(ROOT, { '/__test__/xor.html': XOR_PAGE });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the three ESM bundles through an import map and trains XOR to 100% accuracy', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    await page.goto(`${server.origin}/__test__/xor.html`);
    await page.waitForFunction('window.__numbat !== undefined', undefined, { timeout: 30_000 });
    const r = (await page.evaluate('window.__numbat')) as PageResult;
    await page.close();

    expect(r.errors, `the page reported errors; uncaught: ${seen.errors.join(' | ')}`).toEqual({});
    expect(Object.keys(r.loaded)).toEqual(['@numbat/ndarray', '@numbat/autograd', '@numbat/nn']);
    expect(server.missing).toEqual([]);
    expect(seen.errors).toEqual([]);
    // ndarray: a reduction and NumPy's printing
    expect(r.sums).toEqual([3, 5, 7]);
    expect(r.printed).toBe('[0 1 2]');
    // XOR: every input classified right, and confidently
    expect(r.accuracy).toBe(1);
    expect(r.loss).toBeLessThan(0.1);
    expect(r.predictions!.map((p) => (p > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
    // nn.fit's progress: without process.stdout, one console line per epoch
    expect(seen.console.filter((l) => /^Epoch \d+\/200 - loss: /.test(l))).toHaveLength(200);
    // files are Node's: nn.save says so in the browser; .npz bytes round-trip the model instead
    expect(r.save).toMatch(/^ValueError: nn\.save needs file access \(Node\)/);
    expect(r.npzBytes).toBeGreaterThan(0);
    expect(r.reloaded).toEqual(r.predictions);
  });

  describe('the report of npm start -- --quick', () => {
    const outDir = join(ROOT, 'out', 'browser-test');
    const EXPECTED = ['classifier-loss', 'classifier-accuracy', 'confusion-matrix', 'autoencoder-loss', 'codes', 'digits'];

    beforeAll(() => {
      rmSync(outDir, { recursive: true, force: true });
      mkdirSync(outDir, { recursive: true });
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'examples/main/main.ts', '--quick', '--out', outDir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, `the quick run failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
    }, 150_000);

    it('renders every plot (sized SVGs with their marks, decodable digit images); a screenshot is kept', async () => {
      const page = await browser.context.newPage();
      const seen = watch(page);
      await page.goto(`${server.origin}/out/browser-test/report.html`);
      await page.waitForLoadState('load');
      const figures = (await page.evaluate(FIGURE_PROBE)) as FigureFacts[];
      const accuracy = await page.textContent('#accuracy');
      mkdirSync(outDir, { recursive: true });
      const shot = join(outDir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      await page.close();

      expect(seen.errors).toEqual([]);
      expect(figures.map((f) => f.id)).toEqual(EXPECTED);
      for (const f of figures) {
        expect(f.svgs, f.id).toBe(1);
        expect(f.width, f.id).toBeGreaterThan(100);
        expect(f.height, f.id).toBeGreaterThan(100);
      }
      const byId = Object.fromEntries(figures.map((f) => [f.id, f]));
      expect(byId['classifier-loss']!.lines).toBe(2); // train and held-out
      expect(byId['classifier-accuracy']!.lines).toBe(2);
      expect(byId['autoencoder-loss']!.lines).toBe(3);
      expect(byId['confusion-matrix']!.rects).toBe(100);
      expect(byId['confusion-matrix']!.texts).toBe(100);
      expect(byId.codes!.symbols).toBe(500); // one point per test digit of the quick run
      const digits = byId.digits!;
      expect(digits.images).toBe(4 * 20); // original, noisy, denoised, 2-D code; two of each digit
      expect(digits.decoded).toEqual(new Array(digits.images).fill(28));
      expect(accuracy).toMatch(/^\d+\.\d\d%$/);
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    });
  });
});
