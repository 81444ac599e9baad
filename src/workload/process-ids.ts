/**
 * Jepsen's process numbers: every client lane starts with a fresh one, and a
 * lane whose op ended `info` continues as a new process (the old one may
 * still have its op in flight). Shared by all clients of a run.
 */
export class ProcessIdAllocator {
  private nextId = 0;

  next(): number {
    return this.nextId++;
  }

  /** Ids handed out so far. */
  get count(): number {
    return this.nextId;
  }
}
