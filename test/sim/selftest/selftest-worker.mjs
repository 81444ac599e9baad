// Runs the self-test in a worker thread from the compiled kernel (dist/), and
// posts back the trace hash of each seed. Used by run-selftest.test.ts.
import { parentPort, workerData } from 'node:worker_threads';

const { runSelftest } = await import(workerData.moduleUrl);
const hashes = workerData.seeds.map((seed) => runSelftest({ seed }).traceHash);
parentPort.postMessage(hashes);
