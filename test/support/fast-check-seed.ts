import fc from 'fast-check';

/**
 * Every fast-check property in `npm test` runs from one fixed seed, so a CI
 * run is reproducible like a simulation seed. Explore other seeds with
 * REDSIM_FC_SEED=<n> npm test (fast-check prints the seed of a failure).
 */
const seedText = process.env['REDSIM_FC_SEED'];
const seed = seedText === undefined ? 20261124 : Number(seedText);
if (!Number.isSafeInteger(seed)) throw new Error(`REDSIM_FC_SEED must be an integer, got ${String(seedText)}`);
fc.configureGlobal({ seed });
