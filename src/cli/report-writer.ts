import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a run's report files (built by scenario/report) into `directory`, creating it. */
export function writeReportFiles(directory: string, files: Readonly<Record<string, string>>): void {
  mkdirSync(directory, { recursive: true });
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(directory, name), contents);
}
