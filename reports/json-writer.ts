/** `report.json`: the machine-readable report (pretty-printed {@link Report}). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Report } from './schema';

export const JSON_FILE = 'report.json';

/** Writes `<dir>/report.json` (2-space indentation, trailing newline) and returns its path. */
export function writeJsonReport(report: Report, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, JSON_FILE);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
