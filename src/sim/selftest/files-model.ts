import { FileModel } from './file-model.js';

/** What a path may hold: a file (model) or nothing. */
export type PathCandidate = FileModel | null;

/**
 * The self-test's model of one host's data directory namespace. Each path
 * keeps the candidates a power loss may leave there: the entry as last made
 * durable (first) and every entry change since (last = what processes see
 * now). A trusted fsync of the directory collapses them to the last.
 */
export class FilesModel {
  private readonly paths = new Map<string, PathCandidate[]>();
  /** The data directory's own entry in `/` surely reached the disk. */
  dataDirDurable = false;

  current(path: string): PathCandidate {
    const candidates = this.paths.get(path);
    return candidates === undefined ? null : (candidates[candidates.length - 1] ?? null);
  }

  candidates(path: string): readonly PathCandidate[] {
    return this.paths.get(path) ?? [null];
  }

  trackedPaths(): string[] {
    return [...this.paths.keys()].sort();
  }

  create(path: string): FileModel {
    const model = new FileModel(new Uint8Array(0));
    this.push(path, model);
    return model;
  }

  rename(from: string, to: string): void {
    const moving = this.current(from);
    this.push(to, moving);
    this.push(from, null);
  }

  unlink(path: string): void {
    this.push(path, null);
  }

  /** A trusted fsync of the directory: every path now holds its current entry durably. */
  directoryCommitted(): void {
    for (const [path, candidates] of this.paths) this.paths.set(path, [candidates[candidates.length - 1] ?? null]);
  }

  /** After a power loss the content is known: each path holds exactly what was found. */
  resetTo(found: ReadonlyMap<string, Uint8Array | null>): void {
    this.paths.clear();
    for (const [path, content] of found) this.paths.set(path, [content === null ? null : new FileModel(content)]);
  }

  private push(path: string, candidate: PathCandidate): void {
    const candidates = this.paths.get(path) ?? [null];
    candidates.push(candidate);
    this.paths.set(path, candidates);
  }
}
