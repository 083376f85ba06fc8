/**
 * The examples' runner: `npm run example -- <name> [--quick] [--out DIR] [--no-svg]`, or
 * `all` for every one; without a name it lists them. Each example also runs on its own:
 * `node --import tsx examples/<name>.ts`.
 */
import { parseArgs } from './lib/cli.js';
import { elapsed } from './lib/format.js';
import { EXAMPLES } from './registry.js';

const { rest, ...options } = parseArgs(process.argv.slice(2));

function usage(): void {
  console.log('usage: npm run example -- <name>|all [--quick] [--out DIR] [--no-svg]\n');
  const width = Math.max(...EXAMPLES.map((e) => e.name.length));
  for (const e of EXAMPLES) console.log(`  ${e.name.padEnd(width)}  ${e.description}`);
  console.log('\nSVGs go to out/examples/ (or --out); --quick is the short setting the tests use.');
}

async function main(): Promise<void> {
  if (rest.length === 0) return usage();
  const chosen = rest.includes('all') ? EXAMPLES : rest.map((name) => EXAMPLES.find((e) => e.name === name));
  const unknown = rest.filter((name, i) => name !== 'all' && chosen[i] === undefined);
  if (unknown.length > 0) {
    console.error(`unknown example${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}\n`);
    usage();
    process.exitCode = 2;
    return;
  }
  for (const e of chosen) {
    if (chosen.length > 1) console.log(`\n===== ${e!.name}: ${e!.description} =====\n`);
    const t0 = performance.now();
    await e!.run(options);
    if (chosen.length > 1) console.log(`(${e!.name}: ${elapsed(t0)})`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
