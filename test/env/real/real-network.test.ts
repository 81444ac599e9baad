import { describe, expect, it } from 'vitest';
import type { CloseReason, Connection } from '../../../src/env/network.js';
import { RealListener, RealNetwork } from '../../../src/env/real/real-network.js';

/** Sends `messages` one write at a time over a new connection and collects what comes back until `expectedBytes`. */
function exchange(network: RealNetwork, port: number, messages: readonly string[], expectedBytes: number): Promise<{ text: string; reason: CloseReason }> {
  return new Promise((resolve) => {
    let text = '';
    let sent = 0;
    const client: Connection = network.connect({ host: '127.0.0.1', port }, {
      onConnect: () => client.write(Buffer.from(messages[sent++] ?? '')),
      onData: (data) => {
        text += Buffer.from(data).toString('latin1');
        if (sent < messages.length) client.write(Buffer.from(messages[sent++] ?? ''));
        if (text.length >= expectedBytes) client.close();
      },
      onClose: (reason) => resolve({ text, reason }),
    });
  });
}

describe('RealNetwork', () => {
  it('with a shared read buffer, gives each connection its own bytes, in order, while connections interleave', async () => {
    const network = new RealNetwork('127.0.0.1', () => undefined, { sharedReadBuffer: true });
    const closes: CloseReason[] = [];
    const listener = network.listen(0, (connection) => ({
      // The chunk is valid only during the call: copied before it is written back.
      onData: (data) => connection.write(Buffer.from(Buffer.from(data).toString('latin1').toUpperCase(), 'latin1')),
      onClose: (reason) => closes.push(reason),
    })) as RealListener;
    const port = await listener.whenListening();
    const messagesOf = (tag: string): string[] => Array.from({ length: 40 }, (_, index) => `${tag}-${index}-${'x'.repeat(index * 50)};`);
    const sent = ['a', 'b', 'c'].map(messagesOf);
    const results = await Promise.all(sent.map((messages) => exchange(network, port, messages, messages.join('').length)));
    listener.close();
    results.forEach((result, index) => expect(result).toEqual({ text: (sent[index] as string[]).join('').toUpperCase(), reason: 'closed' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closes).toEqual(['closed', 'closed', 'closed']);
  });
});
