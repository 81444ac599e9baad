import { LuaError, LuaHostFunction } from './api.js';

/** lua_cjson.c's json_config_t: the settings one cjson module table shares between its functions. */
export interface CjsonConfig {
  encodeSparseConvert: boolean;
  encodeSparseRatio: number;
  encodeSparseSafe: number;
  encodeMaxDepth: number;
  decodeMaxDepth: number;
  /** 0 off, 1 on, 2 null (as the C enum). */
  encodeInvalidNumbers: 0 | 1 | 2;
  decodeInvalidNumbers: boolean;
  encodeKeepBuffer: boolean;
  encodeNumberPrecision: number;
}

/** The defaults of Redis's bundled lua_cjson 2.1.0. */
export function defaultCjsonConfig(): CjsonConfig {
  return {
    encodeSparseConvert: false,
    encodeSparseRatio: 2,
    encodeSparseSafe: 10,
    encodeMaxDepth: 1000,
    decodeMaxDepth: 1000,
    encodeInvalidNumbers: 0,
    decodeInvalidNumbers: true,
    encodeKeepBuffer: true,
    encodeNumberPrecision: 14,
  };
}

/**
 * cjson.null. In C it is a NULL lightuserdata; our values have no userdata,
 * so it is this one host function: Redis converts a function in a script's
 * reply to a nil reply just as it does a lightuserdata, and scripts compare
 * it by identity (`v == cjson.null`). `type(cjson.null)` says "function"
 * where Redis says "userdata" (isCjsonNull lets the interpreter tell).
 */
export class CjsonNull extends LuaHostFunction {
  constructor() {
    super('null', (_args, context) => {
      throw new LuaError(`${context.where(1)}attempt to call a userdata value`);
    });
  }
}

export const cjsonNull = new CjsonNull();

export function isCjsonNull(value: unknown): value is CjsonNull {
  return value === cjsonNull;
}
