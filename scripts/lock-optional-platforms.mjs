// Re-adds the platform-specific optional packages of rollup (used by tsup) that `npm install`
// drops from package-lock.json when the registry it talks to lacks them; without those
// entries `npm ci` refuses the lockfile ("Missing: @rollup/rollup-... from lock file").
// Run after `npm install`: `npm run lock:optional`. Entries only name os/cpu/libc, so `npm ci`
// skips them on other platforms and never fetches them.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pk = lock.packages;
const CPU = new Set(['x64', 'arm64', 'arm', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x']);
let added = 0;
for (const [key, entry] of Object.entries({ ...pk })) {
  if (!key.endsWith('node_modules/rollup')) continue;
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = key.slice(0, -'rollup'.length) + name;
    if (pk[where]) continue;
    const [os, cpu, variant] = name.split('rollup-')[1].split('-');
    if (!CPU.has(cpu)) throw new Error(`unknown cpu in ${name}`);
    const e = { version, cpu: [cpu], dev: true };
    if (os === 'linux' && variant) e.libc = [variant.startsWith('musl') ? 'musl' : 'glibc'];
    Object.assign(e, { license: 'MIT', optional: true, os: [os] });
    pk[where] = e;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} optional platform entries added`);
