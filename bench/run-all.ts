/**
 * `npm run bench`: runs every benchmark in bench/ (compiled to dist/bench/),
 * each in its own Node process so one's JIT state and heap don't colour
 * another's figures. `npm run bench -- NAME...` runs only the named ones
 * (file names without extension, e.g. `sim-scheduler`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDirectory = dirname(fileURLToPath(import.meta.url));
const selfName = basename(fileURLToPath(import.meta.url), '.js');

function benchNames(): string[] {
  return readdirSync(benchDirectory)
    .filter((name) => name.endsWith('.js') && !name.endsWith('.d.js'))
    .map((name) => name.slice(0, -'.js'.length))
    .filter((name) => name !== selfName)
    .sort();
}

function main(): void {
  const wanted = process.argv.slice(2);
  const available = benchNames();
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
    process.exit(64);
  }
  const chosen = wanted.length > 0 ? wanted : available;
  const failed: string[] = [];
  for (const name of chosen) {
    process.stdout.write(`\n=== bench/${name} ===\n`);
    const outcome = spawnSync(process.execPath, [join(benchDirectory, `${name}.js`)], { stdio: 'inherit' });
    if (outcome.status !== 0) failed.push(name);
  }
  process.stdout.write(`\n${chosen.length - failed.length} benchmarks ran, ${failed.length} failed${failed.length ? `: ${failed.join(', ')}` : ''}\n`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main();
