import { createStore, type Store, type StoreClient, type StoreOptions } from '../../../../src/store/embedded.js';
import { testCommands } from './test-commands.js';

/** A store with the `x*` test commands added. */
export function testStore(options: StoreOptions = {}): Store {
  return createStore({ ...options, extraCommands: testCommands });
}

/** Sends raw protocol text (inline or multibulk) and returns the reply bytes as latin1 text. */
export function rawReply(client: StoreClient, text: string): string {
  return client.sendRaw(Buffer.from(text, 'latin1')).toString('latin1');
}

/** Records every propagated command as a readable line: `db:ARG ARG ...`. */
export function recordPropagation(store: Store): string[] {
  const lines: string[] = [];
  store.node.onPropagate((dbId, argv) => lines.push(`${dbId}:${argv.map((argument) => argument.toString('latin1')).join(' ')}`));
  return lines;
}
