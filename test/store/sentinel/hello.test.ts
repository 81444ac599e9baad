import { describe, expect, it } from 'vitest';
import { formatHello, parseHello } from '../../../src/store/sentinel/hello.js';
import { parseInfo } from '../../../src/store/sentinel/info-parse.js';

describe('sentinel messages', () => {
  it('a hello round-trips through its comma format and a malformed one is refused', () => {
    const hello = { sentinelHost: 's1', sentinelPort: 26379, sentinelRunId: 'a'.repeat(40), currentEpoch: 3, masterName: 'mymaster', masterHost: 'n2', masterPort: 6379, masterConfigEpoch: 2 };
    expect(formatHello(hello)).toBe(`s1,26379,${'a'.repeat(40)},3,mymaster,n2,6379,2`);
    expect(parseHello(formatHello(hello))).toEqual(hello);
    expect(parseHello('s1,26379,x,3,mymaster,n2,6379')).toBeUndefined();
    expect(parseHello('s1,port,x,3,mymaster,n2,6379,2')).toBeUndefined();
  });

  it('INFO is read into fields and the master lists its replicas', () => {
    const info = parseInfo('# Replication\r\nrole:master\r\nconnected_slaves:2\r\nslave0:ip=n2,port=6379,state=online,offset=10,lag=0\r\nslave1:ip=n3,port=6380,state=online,offset=9,lag=1\r\n');
    expect(info.fields.get('role')).toBe('master');
    expect(info.replicas).toEqual([{ host: 'n2', port: 6379 }, { host: 'n3', port: 6380 }]);
  });
});
