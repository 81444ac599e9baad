#!/usr/bin/env node
// Run by `prepare` after the build: npm links a package's `bin` into the
// node_modules/.bin of projects that depend on it, but never into its own,
// so `npx redsim` inside this checkout would go looking in the registry.
// This links node_modules/.bin/redsim to the built CLI, as npm would.
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const binDirectory = join(root, 'node_modules', '.bin');
mkdirSync(binDirectory, { recursive: true });
for (const [name, target] of Object.entries(manifest.bin ?? {})) {
  const targetPath = join(root, target);
  if (!existsSync(targetPath)) {
    process.stderr.write(`link-bin: ${target} is missing (did the build run?)\n`);
    process.exit(1);
  }
  chmodSync(targetPath, 0o755);
  const linkPath = join(binDirectory, name);
  try {
    lstatSync(linkPath);
    unlinkSync(linkPath);
  } catch {
    // no link yet
  }
  symlinkSync(relative(binDirectory, targetPath), linkPath);
}
