/** The public API of the redsim package. */
export { Prng } from './core/prng.js';
export { assert, InvariantError } from './core/assert.js';
export { createStore, type Store, type StoreClient, type StoreOptions } from './store/embedded.js';
export { StoreNode, type StoreNodeOptions } from './store/server/node.js';
export { RespError, RespMap, RespPush, RespSet, ReplyDecoder, decodeReplies, type RespValue } from './store/protocol/reply-decoder.js';
export { encodeRequest } from './store/protocol/request-encoder.js';
export { createManualEnv, type ManualEnv, type ManualEnvOptions } from './env/manual/manual-env.js';
