/** The pub/sub channel sentinels announce themselves and their master's config on. */
export const HELLO_CHANNEL = '__sentinel__:hello';

/** A hello message: sentinel_ip,sentinel_port,sentinel_runid,current_epoch,master_name,master_ip,master_port,master_config_epoch. */
export interface Hello {
  readonly sentinelHost: string;
  readonly sentinelPort: number;
  readonly sentinelRunId: string;
  readonly currentEpoch: number;
  readonly masterName: string;
  readonly masterHost: string;
  readonly masterPort: number;
  readonly masterConfigEpoch: number;
}

export function formatHello(hello: Hello): string {
  return [hello.sentinelHost, hello.sentinelPort, hello.sentinelRunId, hello.currentEpoch, hello.masterName, hello.masterHost, hello.masterPort, hello.masterConfigEpoch].join(',');
}

export function parseHello(payload: string): Hello | undefined {
  const tokens = payload.split(',');
  if (tokens.length !== 8) return undefined;
  const [sentinelHost, sentinelPort, sentinelRunId, currentEpoch, masterName, masterHost, masterPort, masterConfigEpoch] = tokens as [string, string, string, string, string, string, string, string];
  const numbers = [Number(sentinelPort), Number(currentEpoch), Number(masterPort), Number(masterConfigEpoch)];
  if (numbers.some((value) => !Number.isInteger(value))) return undefined;
  return {
    sentinelHost,
    sentinelPort: Number(sentinelPort),
    sentinelRunId,
    currentEpoch: Number(currentEpoch),
    masterName,
    masterHost,
    masterPort: Number(masterPort),
    masterConfigEpoch: Number(masterConfigEpoch),
  };
}
