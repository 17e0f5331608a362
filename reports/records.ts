/**
 * Hand-off of property records from jest workers to the reporter (which runs in the parent process).
 *
 * The reporter creates the run directory and exports its path in `THEORYCHECK_RUN_DIR` before any
 * worker starts (the workers' settings read it back); each property writes one JSON file into
 * `<runDir>/records/`. The harness writes into `reports/out/adhoc/` when there is no run directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PropertyRecord } from './schema';

export const RUN_DIR_ENV = 'THEORYCHECK_RUN_DIR';
export const OUT_DIR = path.resolve(__dirname, 'out');

export function recordsDir(dir: string): string {
  return path.join(dir, 'records');
}

/** File-system-safe name for a claim id (`HR2018.FM1.mean-length~he-1.8` → `HR2018.FM1.mean-length~he-1.8.json`). */
export function recordFileName(claimId: string): string {
  return `${claimId.replace(/[^A-Za-z0-9._~-]/g, '_')}.json`;
}

/** Writes a record atomically (temporary file, then rename): a record on disk is a finished property, even after kill -9. */
export function writeRecord(record: PropertyRecord, dir: string): string {
  const target = recordsDir(dir);
  fs.mkdirSync(target, { recursive: true });
  const file = path.join(target, recordFileName(record.claimId));
  const tmp = path.join(target, `.${recordFileName(record.claimId)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return file;
}

/** The record of `claimId` already in `dir` (a resumed run), or undefined. */
export function readRecord(dir: string, claimId: string): PropertyRecord | undefined {
  const file = path.join(recordsDir(dir), recordFileName(claimId));
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PropertyRecord) : undefined;
}

export function readRecords(dir: string): PropertyRecord[] {
  const source = recordsDir(dir);
  if (!fs.existsSync(source)) return [];
  return fs
    .readdirSync(source)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(source, f), 'utf8')) as PropertyRecord);
}
