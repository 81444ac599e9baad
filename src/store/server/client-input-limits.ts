import type { ParserPolicy } from '../protocol/request-parser.js';
import type { StoreConfig } from './config.js';

/**
 * The config values the read path consults for every command
 * (proto-max-bulk-len, client-query-buffer-limit, whether requirepass is
 * set), as plain fields re-read after each CONFIG change: a pipelined read
 * executes many commands, and a config lookup per command costs more than
 * parsing a short one. The parser policies are built once per change, one
 * for each (trusted, authRequired) pair.
 */
export class ClientInputLimits {
  queryBufferLimitBytes = 0;
  passwordSet = false;
  private policies: readonly [ParserPolicy, ParserPolicy, ParserPolicy, ParserPolicy] = [
    { protoMaxBulkLen: 0, trusted: false, authRequired: false },
    { protoMaxBulkLen: 0, trusted: false, authRequired: true },
    { protoMaxBulkLen: 0, trusted: true, authRequired: false },
    { protoMaxBulkLen: 0, trusted: true, authRequired: true },
  ];

  constructor(private readonly config: StoreConfig) {
    this.refresh();
    config.onChange(() => this.refresh());
  }

  /** The parser policy for a client: `trusted` for the master link and the AOF loader. */
  policy(trusted: boolean, authRequired: boolean): ParserPolicy {
    const policies = this.policies;
    if (trusted) return authRequired ? policies[3] : policies[2];
    return authRequired ? policies[1] : policies[0];
  }

  private refresh(): void {
    const protoMaxBulkLen = this.config.integer('proto-max-bulk-len');
    this.queryBufferLimitBytes = this.config.integer('client-query-buffer-limit');
    this.passwordSet = this.config.get('requirepass') !== '';
    this.policies = [
      { protoMaxBulkLen, trusted: false, authRequired: false },
      { protoMaxBulkLen, trusted: false, authRequired: true },
      { protoMaxBulkLen, trusted: true, authRequired: false },
      { protoMaxBulkLen, trusted: true, authRequired: true },
    ];
  }
}

const limitsByConfig = new WeakMap<StoreConfig, ClientInputLimits>();

/** The node's input limits (created on first use, then kept current by its config's change listener). */
export function clientInputLimitsOf(config: StoreConfig): ClientInputLimits {
  let limits = limitsByConfig.get(config);
  if (limits === undefined) {
    limits = new ClientInputLimits(config);
    limitsByConfig.set(config, limits);
  }
  return limits;
}
