import { createHash } from 'node:crypto';
import type { Database } from '../keyspace/database.js';
import type { RedisObject } from '../keyspace/object.js';
import { formatDoubleG17 } from '../protocol/double-format.js';

/**
 * DEBUG DIGEST and DEBUG DIGEST-VALUE exactly as debug.c computes them, so a
 * dataset has the same digest here and in real Redis 7.0: ordered data is
 * mixed (digest = SHA1(digest xor SHA1(data))), unordered data is xored.
 */
const DIGEST_BYTES = 20;
const TYPE_CODES: Readonly<Record<RedisObject['type'], number>> = { string: 0, list: 1, set: 2, zset: 3, hash: 4, stream: 6 };
const EXPIRE_MARK = Buffer.from('!!expire!!', 'latin1');

function sha1(data: Uint8Array): Buffer {
  return createHash('sha1').update(data).digest();
}

export function xorDigest(digest: Buffer, data: Uint8Array): void {
  const hash = sha1(data);
  for (let index = 0; index < DIGEST_BYTES; index++) digest[index] = (digest[index] as number) ^ (hash[index] as number);
}

export function mixDigest(digest: Buffer, data: Uint8Array): void {
  xorDigest(digest, data);
  sha1(digest).copy(digest);
}

function uint32BigEndian(value: number): Buffer {
  const data = Buffer.alloc(4);
  data.writeUInt32BE(value);
  return data;
}

/** xorObjectDigest: mixes the value (and an expire mark) into `digest`. */
export function xorObjectDigest(digest: Buffer, value: RedisObject, hasExpire: boolean): void {
  mixDigest(digest, uint32BigEndian(TYPE_CODES[value.type]));
  switch (value.type) {
    case 'string':
      mixDigest(digest, value.bytes());
      break;
    case 'list':
      for (const element of value.toArray()) mixDigest(digest, element);
      break;
    case 'set':
      for (const member of value.members()) xorDigest(digest, member);
      break;
    case 'zset':
      for (const [member, score] of value.entries()) {
        const elementDigest = Buffer.alloc(DIGEST_BYTES);
        mixDigest(elementDigest, member);
        mixDigest(elementDigest, Buffer.from(formatDoubleG17(score), 'latin1'));
        xorDigest(digest, elementDigest);
      }
      break;
    case 'hash':
      for (const [field, fieldValue] of value.entries()) {
        const elementDigest = Buffer.alloc(DIGEST_BYTES);
        mixDigest(elementDigest, field);
        mixDigest(elementDigest, fieldValue);
        xorDigest(digest, elementDigest);
      }
      break;
    case 'stream':
      for (const [id, fields] of value.entryList()) {
        mixDigest(digest, Buffer.from(`${id.ms}.${id.seq}`, 'latin1'));
        for (const field of fields) mixDigest(digest, field);
      }
      break;
  }
  if (hasExpire) xorDigest(digest, EXPIRE_MARK);
}

/** DEBUG DIGEST-VALUE of one value (zeros for a missing key). */
export function valueDigestHex(value: RedisObject | undefined, hasExpire: boolean): string {
  const digest = Buffer.alloc(DIGEST_BYTES);
  if (value !== undefined) xorObjectDigest(digest, value, hasExpire);
  return digest.toString('hex');
}

/** computeDatasetDigest over every db (logically expired keys included, as Redis). */
export function computeDatasetDigest(databases: readonly Database[]): string {
  const final = Buffer.alloc(DIGEST_BYTES);
  for (const db of databases) {
    if (db.size() === 0) continue;
    mixDigest(final, uint32BigEndian(db.id));
    for (const [key, value, expireAtMs] of db.entriesWithExpiry()) {
      const digest = Buffer.alloc(DIGEST_BYTES);
      mixDigest(digest, key);
      xorObjectDigest(digest, value, expireAtMs !== undefined);
      xorDigest(final, digest);
    }
  }
  return final.toString('hex');
}
