import type { LatencyHistogram } from './latency-histogram.js';
/** Per-command statistics (INFO commandstats). */
export interface CommandStats {
  calls: number;
  microseconds: number;
  rejectedCalls: number;
  failedCalls: number;
  /** The command's latency histogram (diagnostics), kept here once found: both live until CONFIG RESETSTAT. */
  latencyHistogram?: LatencyHistogram;
}

/** Work counters for complexity reports: how often a command ran and the steps it counted. */
export interface StepCounter {
  calls: number;
  steps: number;
}

/** The server-wide counters INFO prints (server.stat_*); CONFIG RESETSTAT zeroes most of them. */
export class ServerStats {
  numCommands = 0;
  numConnections = 0;
  rejectedConnections = 0;
  expiredKeys = 0;
  expiredStalePercent = 0;
  expiredTimeCapReachedCount = 0;
  expireCycleTimeUsedUs = 0;
  evictedKeys = 0;
  keyspaceHits = 0;
  keyspaceMisses = 0;
  totalErrorReplies = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  /** stat_total_reads_processed: reads from client sockets (data events). */
  readsProcessed = 0;
  /** stat_total_writes_processed: reply writes to client sockets. */
  writesProcessed = 0;
  /** server.dirty: changes since the last save. */
  dirty = 0;
  unexpectedErrorReplies = 0;
  readonly errorCounts = new Map<string, number>();
  readonly commands = new Map<string, CommandStats>();
  /** Bumped by reset: a CommandStats record kept by a caller is current only while this is unchanged. */
  resetGeneration = 0;

  commandStats(fullName: string): CommandStats {
    let stats = this.commands.get(fullName);
    if (stats === undefined) {
      stats = { calls: 0, microseconds: 0, rejectedCalls: 0, failedCalls: 0 };
      this.commands.set(fullName, stats);
    }
    return stats;
  }

  countError(code: string): void {
    this.totalErrorReplies++;
    this.errorCounts.set(code, (this.errorCounts.get(code) ?? 0) + 1);
  }

  /** CONFIG RESETSTAT (resetServerStats + resetCommandTableStats + resetErrorTableStats). */
  reset(): void {
    this.numCommands = 0;
    this.numConnections = 0;
    this.rejectedConnections = 0;
    this.expiredKeys = 0;
    this.expiredStalePercent = 0;
    this.expiredTimeCapReachedCount = 0;
    this.expireCycleTimeUsedUs = 0;
    this.evictedKeys = 0;
    this.keyspaceHits = 0;
    this.keyspaceMisses = 0;
    this.totalErrorReplies = 0;
    this.netInputBytes = 0;
    this.netOutputBytes = 0;
    this.readsProcessed = 0;
    this.writesProcessed = 0;
    this.unexpectedErrorReplies = 0;
    this.errorCounts.clear();
    this.commands.clear();
    this.resetGeneration++;
  }
}
