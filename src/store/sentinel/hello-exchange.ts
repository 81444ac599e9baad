import { InstanceConnection } from './instance-connection.js';
import { freshLinkTimes, type MasterInstance } from './instances.js';
import { formatHello, HELLO_CHANNEL, parseHello } from './hello.js';
import type { Sentinel } from './sentinel.js';
import { resetMasterAddress } from './failover.js';

/** sentinelSendHello: PUBLISH our address, epoch and this master's current config on an instance of it. */
export function sendHello(sentinel: Sentinel, master: MasterInstance, link: InstanceConnection): void {
  const address = sentinel.currentMasterAddress(master);
  const payload = formatHello({
    sentinelHost: sentinel.host,
    sentinelPort: sentinel.port,
    sentinelRunId: sentinel.runId,
    currentEpoch: sentinel.currentEpoch,
    masterName: master.name,
    masterHost: address.host,
    masterPort: address.port,
    masterConfigEpoch: master.configEpoch,
  });
  link.send(['PUBLISH', HELLO_CHANNEL, payload]);
}

/**
 * sentinelProcessHelloMessage: learn sentinels we did not know, adopt a
 * newer epoch, and switch to the master address of a newer config epoch
 * (how a sentinel that was partitioned away learns of the failover).
 */
export function onHelloMessage(sentinel: Sentinel, masterName: string, channel: string, payload: string): void {
  if (channel !== HELLO_CHANNEL) return;
  const hello = parseHello(payload);
  if (hello === undefined || hello.sentinelRunId === sentinel.runId) return;
  const master = sentinel.masters.get(hello.masterName);
  if (master === undefined || master.name !== masterName) return;
  let peer = master.sentinels.get(hello.sentinelRunId);
  if (peer === undefined) {
    peer = {
      runId: hello.sentinelRunId, host: hello.sentinelHost, port: hello.sentinelPort,
      link: new InstanceConnection(sentinel.env, hello.sentinelHost, hello.sentinelPort), times: freshLinkTimes(sentinel.nowMs()),
      saysMasterDown: false, lastMasterDownReplyMs: 0, leader: undefined, leaderEpoch: 0, lastHelloMs: 0,
    };
    master.sentinels.set(peer.runId, peer);
    sentinel.log(`+sentinel sentinel ${peer.runId} ${peer.host} ${peer.port} @ ${master.name} ${master.host} ${master.port}`);
  }
  peer.lastHelloMs = sentinel.nowMs();
  if (hello.currentEpoch > sentinel.currentEpoch) {
    sentinel.currentEpoch = hello.currentEpoch;
    sentinel.log(`+new-epoch ${hello.currentEpoch}`);
  }
  if (hello.masterConfigEpoch > master.configEpoch) {
    master.configEpoch = hello.masterConfigEpoch;
    if (hello.masterHost !== master.host || hello.masterPort !== master.port) {
      sentinel.log(`+config-update-from sentinel ${peer.runId} ${peer.host} ${peer.port} @ ${master.name} ${master.host} ${master.port}`);
      sentinel.log(`+switch-master ${master.name} ${master.host} ${master.port} ${hello.masterHost} ${hello.masterPort}`);
      resetMasterAddress(sentinel, master, hello.masterHost, hello.masterPort);
    }
  }
}
