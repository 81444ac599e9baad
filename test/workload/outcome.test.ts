import { describe, expect, test } from 'vitest';
import { RespError } from '../../src/store/protocol/reply-decoder.js';
import { outcomeOfErrorReply, outcomeOfLostReply } from '../../src/workload/outcome.js';

describe('outcome classification', () => {
  test('errors with which Redis refuses a command before running it are fail', () => {
    for (const message of ['NOREPLICAS Not enough good replicas to write.', "READONLY You can't write against a read only replica.", 'EXECABORT Transaction discarded because of previous errors.', 'MOVED 3999 127.0.0.1:6381', 'LOADING Redis is loading the dataset in memory', 'MASTERDOWN Link with MASTER is down']) {
      expect(outcomeOfErrorReply(new RespError(message)), message).toBe('fail');
    }
  });

  test('any other error is info: the command may have run', () => {
    for (const message of ['ERR something odd', 'WRONGTYPE Operation against a key holding the wrong kind of value', 'BUSY script running', 'UNKNOWNCODE x']) {
      expect(outcomeOfErrorReply(new RespError(message)), message).toBe('info');
    }
  });

  test('a refused or unreachable connection before sending is fail; anything after sending is info', () => {
    expect(outcomeOfLostReply('connection-refused', false)).toBe('fail');
    expect(outcomeOfLostReply('connect-timeout', false)).toBe('fail');
    expect(outcomeOfLostReply('connection-lost', true)).toBe('info');
    expect(outcomeOfLostReply('timeout', true)).toBe('info');
    expect(outcomeOfLostReply('timeout', false)).toBe('info');
    expect(outcomeOfLostReply('connection-lost', false)).toBe('info');
  });
});
