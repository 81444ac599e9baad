import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The Knossos corpus lives in ../shared/corpora/knossos beside the checkout
 * (CI clones the repository with shared/ beside it). REDSIM_KNOSSOS_DIR
 * overrides the location. A missing corpus fails the tests that need it.
 */
export function knossosCorpusRoot(): string {
  const fromEnv = process.env['REDSIM_KNOSSOS_DIR'];
  const candidates = [
    ...(fromEnv ? [fromEnv] : []),
    resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'knossos'),
  ];
  const found = candidates.find((candidate) => existsSync(join(candidate, 'cas-register')));
  if (found === undefined) {
    throw new Error(`Knossos corpus not found (tried ${candidates.join(', ')}); set REDSIM_KNOSSOS_DIR`);
  }
  return found;
}
