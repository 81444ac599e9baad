/** The public API of the redsim package. */
export { Prng } from './core/prng.js';
export { assert, InvariantError } from './core/assert.js';
