import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { Database, type ExpiredKeyAction, type KeyspaceHost } from '../../../src/store/keyspace/database.js';
import { SampledMap } from '../../../src/store/keyspace/sampled-map.js';
import { TestString } from '../server/support/test-commands.js';

class FakeHost implements KeyspaceHost {
  readonly keyspaceRng = Prng.root(1).fork('keyspace');
  nowMs = 1000;
  action: ExpiredKeyAction = 'delete';
  hits = 0;
  misses = 0;
  deleted: string[] = [];
  ready: string[] = [];
  expiryNowMs(): number {
    return this.nowMs;
  }
  expiredKeyAction(): ExpiredKeyAction {
    return this.action;
  }
  expiredKeyDeleted(_db: Database, key: Buffer): void {
    this.deleted.push(key.toString('latin1'));
  }
  keyspaceHit(): void {
    this.hits++;
  }
  keyspaceMiss(): void {
    this.misses++;
  }
  accessOnCreate(): number {
    return this.nowMs;
  }
  accessOnTouch(): number {
    return this.nowMs;
  }
  accessOnOverwrite(): number {
    return this.nowMs;
  }
  keyAdded(_db: Database, key: Buffer): void {
    this.ready.push(key.toString('latin1'));
  }
}

const value = (text: string): TestString => new TestString(Buffer.from(text));

describe('Database', () => {
  it('keeps binary keys apart and counts hits and misses on reads only', () => {
    const host = new FakeHost();
    const db = new Database(0, host);
    db.add(Buffer.from([0xff, 0x00]), value('a'));
    db.add(Buffer.from([0xff]), value('b'));
    expect(db.size()).toBe(2);
    expect(db.lookupRead(Buffer.from([0xff, 0x00]))?.type).toBe('string');
    expect(db.lookupRead(Buffer.from('missing'))).toBeUndefined();
    db.lookupWrite(Buffer.from('missing'));
    expect([host.hits, host.misses]).toEqual([1, 1]);
    expect(db.keys().map((key) => key.toString('hex'))).toEqual(['ff00', 'ff']);
  });

  it('deletes an expired key on lookup and reports it once', () => {
    const host = new FakeHost();
    const db = new Database(0, host);
    db.add(Buffer.from('k'), value('v'));
    db.setExpire(Buffer.from('k'), 1500);
    expect(db.lookupRead(Buffer.from('k'))).toBeDefined();
    host.nowMs = 1500;
    expect(db.lookupRead(Buffer.from('k'))).toBeDefined();
    host.nowMs = 1501;
    expect(db.lookupRead(Buffer.from('k'))).toBeUndefined();
    expect(db.lookupRead(Buffer.from('k'))).toBeUndefined();
    expect(host.deleted).toEqual(['k']);
    expect(db.size()).toBe(0);
  });

  it('hides but keeps an expired key when the host says so (replica)', () => {
    const host = new FakeHost();
    const db = new Database(0, host);
    db.add(Buffer.from('k'), value('v'));
    db.setExpire(Buffer.from('k'), 1000);
    host.nowMs = 2000;
    host.action = 'hide';
    expect(db.lookupRead(Buffer.from('k'))).toBeUndefined();
    expect(db.size()).toBe(1);
    host.action = 'keep';
    expect(db.lookupRead(Buffer.from('k'))).toBeDefined();
  });

  it('drops the TTL on set unless keepTtl, and keeps it on overwrite', () => {
    const db = new Database(0, new FakeHost());
    const key = Buffer.from('k');
    db.set(key, value('1'));
    db.setExpire(key, 5000);
    db.overwrite(key, value('2'));
    expect(db.getExpire(key)).toBe(5000);
    db.set(key, value('3'), { keepTtl: true });
    expect(db.getExpire(key)).toBe(5000);
    db.set(key, value('4'));
    expect(db.getExpire(key)).toBeUndefined();
    expect(db.expiresCount()).toBe(0);
  });

  it('refuses to add an existing key', () => {
    const db = new Database(0, new FakeHost());
    db.add(Buffer.from('k'), value('1'));
    expect(() => db.add(Buffer.from('k'), value('2'))).toThrow(/dbAdd/);
  });

  it('returns only live keys from randomKey on a master', () => {
    const host = new FakeHost();
    const db = new Database(0, host);
    for (let index = 0; index < 20; index++) {
      db.add(Buffer.from(`dead${index}`), value('v'));
      db.setExpire(Buffer.from(`dead${index}`), 10);
    }
    db.add(Buffer.from('live'), value('v'));
    expect(db.randomKey()?.toString()).toBe('live');
    expect(db.size()).toBeLessThanOrEqual(21);
  });

  it('swaps contents with another database', () => {
    const host = new FakeHost();
    const first = new Database(0, host);
    const second = new Database(1, host);
    first.add(Buffer.from('a'), value('1'));
    first.setExpire(Buffer.from('a'), 9999);
    first.swapContents(second);
    expect(first.size()).toBe(0);
    expect(second.getExpire(Buffer.from('a'))).toBe(9999);
    expect(second.id).toBe(1);
  });
});

describe('SampledMap', () => {
  it('keeps its dense slots consistent through deletes', () => {
    const map = new SampledMap<number>();
    for (let index = 0; index < 50; index++) map.set(`k${index}`, index);
    for (let index = 0; index < 50; index += 3) map.delete(`k${index}`);
    const rng = Prng.root(3);
    for (let draw = 0; draw < 200; draw++) {
      const key = map.randomKey(rng);
      expect(key !== undefined && map.has(key)).toBe(true);
    }
    expect(map.size).toBe(33);
  });
});
