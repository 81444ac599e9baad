import type { CommandContext } from '../commands/command.js';
import type { InfoFields } from '../server/info.js';
import { replicaAddress } from './master-sync.js';
import { roleStateOf } from './master-link.js';
import type { Replication } from './replication.js';

/** INFO replication and the sync counters of INFO stats, and the ROLE reply. */
export function installReplicationInfo(repl: Replication): void {
  const node = repl.node;
  node.addInfoProvider('replication', () => replicationFields(repl));
  node.addInfoProvider('stats', () => [
    ['sync_full', repl.stats.syncFull],
    ['sync_partial_ok', repl.stats.syncPartialOk],
    ['sync_partial_err', repl.stats.syncPartialErr],
  ]);
  node.roleReply = (ctx) => roleReply(repl, ctx);
}

function replicaLinkFields(repl: Replication): InfoFields {
  const link = repl.link;
  if (link === undefined) return [];
  const node = repl.node;
  const nowMs = node.env.clock.nowMs();
  const client = link.masterClient;
  const fields: [string, string | number][] = [
    ['master_host', link.host], ['master_port', link.port], ['master_link_status', link.state === 'connected' ? 'up' : 'down'],
    ['master_last_io_seconds_ago', client === undefined ? -1 : Math.floor((nowMs - client.lastInteractionMs) / 1000)],
    ['master_sync_in_progress', link.state === 'transfer' ? 1 : 0],
    ['slave_read_repl_offset', link.stream?.readOffset ?? repl.history.offset], ['slave_repl_offset', repl.history.offset],
  ];
  if (link.state === 'transfer' && link.payload !== undefined) {
    fields.push(['master_sync_total_bytes', link.payload.totalBytes], ['master_sync_read_bytes', link.payload.readBytes]);
    fields.push(['master_sync_last_io_seconds_ago', Math.floor((nowMs - link.lastIoMs) / 1000)]);
  }
  if (link.state !== 'connected') fields.push(['master_link_down_since_seconds', link.downSinceMs === 0 ? -1 : Math.floor((nowMs - link.downSinceMs) / 1000)]);
  fields.push(['slave_priority', node.config.integer('replica-priority')], ['slave_read_only', node.config.flag('replica-read-only') ? 1 : 0], ['replica_announced', 1]);
  return fields;
}

function replicationFields(repl: Replication): InfoFields {
  const node = repl.node;
  const history = repl.history;
  const backlog = history.backlog;
  const nowSeconds = Math.floor(node.env.clock.nowMs() / 1000);
  const fields: (readonly [string, string | number])[] = [['role', repl.isReplica ? 'slave' : 'master'], ...replicaLinkFields(repl)];
  const replicas = repl.replicas.all();
  fields.push(['connected_slaves', replicas.length]);
  if (node.config.integer('min-replicas-to-write') > 0 && node.config.integer('min-replicas-max-lag') > 0) fields.push(['min_slaves_good_slaves', repl.goodReplicas]);
  replicas.forEach((record, index) => {
    const lag = record.state === 'online' ? nowSeconds - Math.floor(record.ackTimeMs / 1000) : 0;
    fields.push([`slave${index}`, `ip=${replicaAddress(record)},port=${record.handshake.listeningPort},state=${record.state},offset=${record.ackOffset},lag=${lag}`]);
  });
  fields.push(
    ['master_failover_state', repl.failover.state], ['master_replid', history.replicationId], ['master_replid2', history.replicationId2],
    ['master_repl_offset', history.offset], ['second_repl_offset', history.secondOffset], ['repl_backlog_active', backlog === undefined ? 0 : 1],
    ['repl_backlog_size', node.config.integer('repl-backlog-size')], ['repl_backlog_first_byte_offset', backlog?.firstByteOffset ?? 0],
    ['repl_backlog_histlen', backlog?.historyLength ?? 0],
  );
  return fields;
}

/** ROLE: master [offset, replicas] or slave [host, port, state, offset]. */
function roleReply(repl: Replication, ctx: CommandContext): void {
  const link = repl.link;
  if (link !== undefined) {
    ctx.reply.arrayHeader(5);
    ctx.reply.bulk('slave');
    ctx.reply.bulk(link.host);
    ctx.reply.integer(link.port);
    ctx.reply.bulk(roleStateOf(link.state));
    ctx.reply.integer(link.state === 'connected' ? repl.history.offset : -1);
    return;
  }
  const online = repl.replicas.all().filter((record) => record.state === 'online');
  ctx.reply.arrayHeader(3);
  ctx.reply.bulk('master');
  ctx.reply.integer(repl.history.offset);
  ctx.reply.arrayHeader(online.length);
  for (const record of online) {
    ctx.reply.arrayHeader(3);
    ctx.reply.bulk(replicaAddress(record));
    ctx.reply.bulk(String(record.handshake.listeningPort));
    ctx.reply.bulk(String(record.ackOffset));
  }
}
