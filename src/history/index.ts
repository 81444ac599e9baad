/** The history layer: ops, the recorder simulated clients use, pairing, and the JSONL and EDN codecs. */
export * from './op.js';
export { describeValue, valueAsText, valueKey, valuesEqual } from './op-value.js';
export * from './history-recorder.js';
export * from './operation.js';
export { formatJsonlHistory, formatJsonlOp, parseJsonlHistory } from './jsonl-codec.js';
export { formatEdnHistory, parseEdnHistory } from './edn/edn-history.js';
export { readEdnForms } from './edn/edn-reader.js';
export { writeEdn } from './edn/edn-writer.js';
export type { EdnForm, EdnValue } from './edn/edn-value.js';
export * from './history-format.js';
export * from './synthetic/atomic-register-history.js';
