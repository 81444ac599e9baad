export { runSelftest, type SelftestOptions, type SelftestResult } from './run-selftest.js';
