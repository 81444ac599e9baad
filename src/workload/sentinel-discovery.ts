import type { Env } from '../env/env.js';
import type { ClientTarget } from './client-connection.js';
import { SentinelQueryLink } from './sentinel-query-link.js';

/** How often each sentinel is asked where the master is. */
const POLL_INTERVAL_MS = 500;

export interface SentinelDiscoveryOptions {
  readonly sentinels: readonly ClientTarget[];
  readonly masterName: string;
}

/**
 * A sentinel-aware client's view of where the master is: it asks every
 * sentinel `SENTINEL get-master-addr-by-name` twice a second and keeps
 * each one's last answer. Clients that follow different sentinels see
 * different masters while a partition separates the sentinels (a minority
 * sentinel keeps naming the old master): `route` rotates over the views,
 * so some operations keep going to the old master, as Jepsen's clients did.
 */
export class SentinelDiscovery {
  private readonly answers: (ClientTarget | null)[];
  private cursor = 0;

  constructor(private readonly options: SentinelDiscoveryOptions) {
    this.answers = options.sentinels.map(() => null);
  }

  /** The process body of the discovery host. */
  main(env: Env): void {
    const links = this.options.sentinels.map((target) => new SentinelQueryLink(env, target.host, target.port, 1000));
    const poll = (): void => {
      links.forEach((link, index) => {
        link.ask(['SENTINEL', 'get-master-addr-by-name', this.options.masterName], (reply) => {
          if (!Array.isArray(reply) || reply.length !== 2) return;
          this.answers[index] = { host: String(reply[0]), port: Number(reply[1]) };
        });
      });
      env.timers.after(POLL_INTERVAL_MS, poll);
    };
    poll();
  }

  /** Each sentinel's last answer (null before it answered). */
  views(): readonly (ClientTarget | null)[] {
    return this.answers;
  }

  /** The next view in turn that has an answer, or `fallback` before any sentinel answered. */
  route(fallback: ClientTarget): ClientTarget {
    for (let step = 0; step < this.answers.length; step++) {
      this.cursor = (this.cursor + 1) % this.answers.length;
      const answer = this.answers[this.cursor];
      if (answer !== null && answer !== undefined) return answer;
    }
    return fallback;
  }
}
