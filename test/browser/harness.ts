/**
 * Browser test harness: Debian's Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`)
 * driven by playwright-core (no browser download), and a tiny static file server on
 * 127.0.0.1 (Node's `http`) that serves the repository and pages made by the tests.
 *
 * Where no Chromium is found the browser tests skip with a loud message, except with
 * `CI=true`, where `.ci/run` installs it first and a missing browser fails the run.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the Chromium executable is looked for. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when the Chromium executable exists. */
export const hasChromium: boolean = existsSync(CHROMIUM_PATH);

/** True under CI (`CI=true`), where the browser tests must run. */
export const inCI = process.env.CI === 'true';

if (!hasChromium) {
  const line = '!'.repeat(78);
  const what = inCI
    ? `CI=true but no Chromium at ${CHROMIUM_PATH}: the browser tests FAIL (.ci/run installs it with apt-get install -y chromium).`
    : `No Chromium at ${CHROMIUM_PATH}: the browser tests are SKIPPED. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`;
  console.warn(`\n${line}\n${what}\n${line}\n`);
  // under CI a missing browser fails the run, as a missing NumPy does (test/oracle/numpy.ts)
  if (inCI) throw new Error(what);
}

/** The flags the browser runs with (headless, no sandbox, nothing reaching the network by itself). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A launched browser with a fresh profile; `close()` ends it and deletes the profile. */
export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh `--user-data-dir` (playwright's persistent context is
 * how a profile directory is given to it).
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'numbat-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
};

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  /** Paths requested that were not found (to report missing files). */
  missing: string[];
  close(): Promise<void>;
}

/**
 * Serves `root`'s files (GET only, no directory listing, nothing outside `root`) and the
 * in-memory `pages` (URL path -> HTML) on 127.0.0.1 at a free port.
 */
export async function serveStatic(root: string, pages: Readonly<Record<string, string>> = {}): Promise<StaticServer> {
  const missing: string[] = [];
  const base = normalize(root + sep);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // the browser asks for it on every page
      return;
    }
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(page);
      return;
    }
    const file = normalize(join(base, path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      missing.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the static server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    missing,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
