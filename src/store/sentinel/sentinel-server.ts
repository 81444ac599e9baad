import type { Connection, ConnectionHandlers } from '../../env/network.js';
import { RequestParser } from '../protocol/request-parser.js';
import { RespReplyWriter } from '../protocol/resp-reply-writer.js';
import { runSentinelCommand } from './sentinel-commands.js';
import type { Sentinel } from './sentinel.js';

/** Commands one read may carry before the rest waits for the next event (a bound on a client's pipeline). */
const COMMANDS_PER_READ_MAX = 1000;

/** A client of the sentinel (a user, a sentinel-aware client, or another sentinel): RESP in, RESP out. */
export function acceptSentinelClient(sentinel: Sentinel, connection: Connection): ConnectionHandlers {
  const parser = new RequestParser();
  const reply = new RespReplyWriter();
  let closed = false;
  return {
    onData: (data) => {
      if (closed) return;
      parser.append(data);
      for (let count = 0; count < COMMANDS_PER_READ_MAX; count++) {
        const request = parser.next({ protoMaxBulkLen: 512 * 1024 * 1024, trusted: false, authRequired: false });
        if (request === undefined) break;
        if (request.kind === 'empty') continue;
        if (request.kind === 'protocolError') {
          reply.error(request.message);
          closed = true;
          break;
        }
        runSentinelCommand(sentinel, request.argv.map((argument) => argument.toString('latin1')), reply);
      }
      parser.compact();
      if (reply.hasPendingBytes()) connection.write(reply.takeBytes());
      if (closed) connection.close();
    },
    onClose: () => {
      closed = true;
    },
  };
}
