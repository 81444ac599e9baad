import type { ReplyWriter } from '../protocol/reply-writer.js';
import { voteLeader } from './election.js';
import { startFailover } from './down-state.js';
import { selectReplica } from './failover.js';
import type { MasterInstance } from './instances.js';
import type { Sentinel } from './sentinel.js';

/** The sentinel's command table (sentinelcmds): PING, ROLE, INFO, SENTINEL ..., and PUBLISH/SUBSCRIBE refusals. */
export function runSentinelCommand(sentinel: Sentinel, argv: readonly string[], reply: ReplyWriter): void {
  const name = (argv[0] ?? '').toLowerCase();
  switch (name) {
    case 'ping':
      reply.status('PONG');
      return;
    case 'role':
      reply.arrayHeader(2);
      reply.bulk('sentinel');
      reply.bulkArray([...sentinel.masters.keys()]);
      return;
    case 'info':
      reply.bulk(sentinelInfo(sentinel));
      return;
    case 'sentinel':
      sentinelSubcommand(sentinel, argv, reply);
      return;
    default:
      reply.error(`ERR unknown command '${argv[0] ?? ''}', with args beginning with: ${argv.slice(1).map((argument) => `'${argument}' `).join('')}`);
  }
}

function sentinelInfo(sentinel: Sentinel): string {
  const lines = ['# Sentinel', `sentinel_masters:${sentinel.masters.size}`, 'sentinel_tilt:0', 'sentinel_running_scripts:0', 'sentinel_scripts_queue_length:0', 'sentinel_simulate_failure_flags:0'];
  let index = 0;
  for (const master of sentinel.masters.values()) {
    const status = master.odownSinceMs > 0 ? 'odown' : master.sdownSinceMs > 0 ? 'sdown' : 'ok';
    lines.push(`master${index++}:name=${master.name},status=${status},address=${master.host}:${master.port},slaves=${master.replicas.size},sentinels=${master.sentinels.size + 1}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function masterOrReply(sentinel: Sentinel, name: string | undefined, reply: ReplyWriter): MasterInstance | undefined {
  const master = name === undefined ? undefined : sentinel.masters.get(name);
  if (master === undefined) reply.error('ERR No such master with that name');
  return master;
}

function sentinelSubcommand(sentinel: Sentinel, argv: readonly string[], reply: ReplyWriter): void {
  const sub = (argv[1] ?? '').toLowerCase();
  if (sub === 'get-master-addr-by-name' && argv.length === 3) {
    const master = sentinel.masters.get(argv[2] as string);
    if (master === undefined) return reply.nullArray();
    const address = sentinel.currentMasterAddress(master);
    return reply.bulkArray([address.host, String(address.port)]);
  }
  if (sub === 'is-master-down-by-addr' && argv.length === 6) return isMasterDownByAddr(sentinel, argv, reply);
  if ((sub === 'masters') && argv.length === 2) {
    reply.arrayHeader(sentinel.masters.size);
    for (const master of sentinel.masters.values()) writeMasterFields(sentinel, master, reply);
    return;
  }
  if (sub === 'master' && argv.length === 3) {
    const master = masterOrReply(sentinel, argv[2], reply);
    if (master !== undefined) writeMasterFields(sentinel, master, reply);
    return;
  }
  if ((sub === 'replicas' || sub === 'slaves') && argv.length === 3) {
    const master = masterOrReply(sentinel, argv[2], reply);
    if (master === undefined) return;
    reply.arrayHeader(master.replicas.size);
    for (const replica of master.replicas.values()) {
      const flags = ['slave', ...(replica.sdownSinceMs > 0 ? ['s_down'] : []), ...(replica.link.disconnected ? ['disconnected'] : []), ...(replica.promoted ? ['promoted'] : [])];
      const fields = ['name', `${replica.host}:${replica.port}`, 'ip', replica.host, 'port', String(replica.port), 'runid', replica.runId ?? '', 'flags', flags.join(','),
        'master-link-status', replica.masterLinkUp ? 'ok' : 'err', 'master-host', replica.masterHost ?? '?', 'master-port', String(replica.masterPort),
        'slave-priority', String(replica.priority), 'slave-repl-offset', String(replica.replicationOffset)];
      reply.bulkArray(fields);
    }
    return;
  }
  if (sub === 'sentinels' && argv.length === 3) {
    const master = masterOrReply(sentinel, argv[2], reply);
    if (master === undefined) return;
    reply.arrayHeader(master.sentinels.size);
    for (const peer of master.sentinels.values()) reply.bulkArray(['name', peer.runId, 'ip', peer.host, 'port', String(peer.port), 'runid', peer.runId, 'flags', peer.link.disconnected ? 'sentinel,disconnected' : 'sentinel']);
    return;
  }
  if (sub === 'failover' && argv.length === 3) return forceFailover(sentinel, argv[2] as string, reply);
  if (sub === 'myid' && argv.length === 2) return reply.bulk(sentinel.runId);
  if (sub === 'monitor' && argv.length === 6) {
    sentinel.monitor({ name: argv[2] as string, host: argv[3] as string, port: Number(argv[4]), quorum: Number(argv[5]) });
    return reply.ok();
  }
  reply.error(`ERR Unknown subcommand or wrong number of arguments for '${argv[1] ?? ''}'. Try SENTINEL HELP.`);
}

/** SENTINEL is-master-down-by-addr ip port epoch runid: our SDOWN opinion, and our vote when a runid asks for it. */
function isMasterDownByAddr(sentinel: Sentinel, argv: readonly string[], reply: ReplyWriter): void {
  const master = [...sentinel.masters.values()].find((candidate) => candidate.host === argv[2] && String(candidate.port) === argv[3]);
  const down = master !== undefined && master.sdownSinceMs > 0 ? 1 : 0;
  let leader = '*';
  let leaderEpoch = 0;
  const runId = argv[5] as string;
  if (master !== undefined && runId !== '*') {
    const vote = voteLeader(sentinel, master, runId, Number(argv[4]));
    leader = vote.leader ?? '*';
    leaderEpoch = vote.epoch;
  }
  reply.arrayHeader(3);
  reply.integer(down);
  reply.bulk(leader);
  reply.integer(leaderEpoch);
}

function forceFailover(sentinel: Sentinel, name: string, reply: ReplyWriter): void {
  const master = masterOrReply(sentinel, name, reply);
  if (master === undefined) return;
  if (master.failoverState !== 'none') return reply.error('INPROG Failover already in progress');
  if (selectReplica(sentinel, master) === undefined) return reply.error('NOGOODSLAVE No suitable replica to promote');
  startFailover(sentinel, master);
  master.forceFailover = true;
  reply.ok();
}

function writeMasterFields(sentinel: Sentinel, master: MasterInstance, reply: ReplyWriter): void {
  const flags = ['master', ...(master.sdownSinceMs > 0 ? ['s_down'] : []), ...(master.odownSinceMs > 0 ? ['o_down'] : []), ...(master.link.disconnected ? ['disconnected'] : []), ...(master.failoverState !== 'none' ? ['failover_in_progress'] : [])];
  reply.bulkArray([
    'name', master.name, 'ip', master.host, 'port', String(master.port), 'runid', master.runId ?? '', 'flags', flags.join(','),
    'num-slaves', String(master.replicas.size), 'num-other-sentinels', String(master.sentinels.size), 'quorum', String(master.quorum),
    'failover-timeout', String(master.failoverTimeoutMs), 'parallel-syncs', String(master.parallelSyncs), 'down-after-milliseconds', String(master.downAfterMs),
    'config-epoch', String(master.configEpoch), 'failover-state', master.failoverState, 'current-epoch', String(sentinel.currentEpoch),
  ]);
}
