/**
 * Progress hand-off from jest workers to the progress reporter (parent process): a running property
 * writes `<runDir>/progress/<id>.json` = {done, total} after each configuration; the reporter polls the
 * directory. Display only: nothing in a report depends on these files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordFileName } from './records';

export interface Progress {
  done: number;
  total: number;
}

export const progressDir = (runDir: string): string => path.join(runDir, 'progress');

export function writeProgress(runDir: string, claimId: string, progress: Progress): void {
  const dir = progressDir(runDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, recordFileName(claimId));
  fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(progress));
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
}

export function readProgress(runDir: string, claimId: string): Progress | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(progressDir(runDir), recordFileName(claimId)), 'utf8')) as Progress;
  } catch {
    return undefined;
  }
}
