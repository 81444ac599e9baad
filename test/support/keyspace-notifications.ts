import { connect, type Socket } from 'node:net';
import type { Store } from '../../src/store/embedded.js';
import { encodeRequest } from '../../src/store/protocol/request-encoder.js';
import type { RealRedisServer } from './real-redis-server.js';
import { decodeAllReplies } from './resp-decoder.js';
import { formatReply } from './resp-format.js';

type Script = readonly (readonly string[])[];

const END_CHANNEL = 'end-of-script';

/** Each pmessage in `bytes` as `channel message`, in delivery order. */
export function pmessages(bytes: Buffer): string[] {
  return decodeAllReplies(bytes)
    .map(formatReply)
    .filter((reply) => reply.startsWith('["pmessage"'))
    .map((reply) => {
      const parts = JSON.parse(reply) as string[];
      return `${parts[2]} ${parts[3]}`;
    });
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Runs `script` on a real redis-server with notify-keyspace-events `flags` and a PSUBSCRIBE * client; returns the messages it received. */
export async function realNotifications(server: RealRedisServer, flags: string, script: Script): Promise<string[]> {
  const subscriber = await openSocket(server.port);
  const commander = await openSocket(server.port);
  let received = Buffer.alloc(0);
  const subscribed = new Promise<void>((resolve) => {
    subscriber.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.includes('psubscribe')) resolve();
    });
  });
  subscriber.write(encodeRequest(['PSUBSCRIBE', '*']));
  await subscribed;
  const done = new Promise<void>((resolve) => subscriber.on('data', () => received.includes(END_CHANNEL) && resolve()));
  const commands = [['FLUSHALL'], ['CONFIG', 'SET', 'notify-keyspace-events', flags], ...script, ['CONFIG', 'SET', 'notify-keyspace-events', ''], ['PUBLISH', END_CHANNEL, 'x']];
  commander.write(Buffer.concat(commands.map((argv) => encodeRequest(argv))));
  await done;
  subscriber.destroy();
  commander.destroy();
  return pmessages(received).filter((line) => !line.startsWith(END_CHANNEL));
}

/** The same on our store (a second client subscribed to every channel). */
export function storeNotifications(store: Store, flags: string, script: Script): string[] {
  const subscriber = store.client();
  subscriber.command(['PSUBSCRIBE', '*']);
  store.call('CONFIG', 'SET', 'notify-keyspace-events', flags);
  for (const argv of script) store.command(argv);
  return pmessages(subscriber.takeReplies());
}
