/**
 * The claim registry is complete and consistent: every row has its theorem (exporting a Theorem with
 * that id) and its property file (registering exactly that claim), every property file is
 * registered, and the α shares sum to ≤ 1 with the unit tests' shares.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allocatedShare } from './budget';
import { CLAIMS, PAPERS, propertyPath, theoremPath } from './registry';
import type { Theorem } from '../theorems/types';

const ROOT = path.resolve(__dirname, '..');

function claimFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? claimFiles(p) : e.name.endsWith('.claim.ts') ? [path.relative(ROOT, p)] : [];
  });
}

describe('claim registry', () => {
  it('ids are unique, papers known, shares positive and within the budget', () => {
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
    const papers = new Set(PAPERS.map((p) => p.key));
    for (const c of CLAIMS) {
      expect(papers.has(c.paper)).toBe(true);
      expect(c.share).toBeGreaterThan(0);
    }
    expect(allocatedShare()).toBeLessThanOrEqual(1 + 1e-12);
  });

  it.each(CLAIMS.map((c) => [c.id, c] as const))('%s: its theorem file exports the theorem, its property file registers it once', (_id, c) => {
    const theoremFile = path.join(ROOT, theoremPath(c));
    expect(fs.existsSync(theoremFile)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(theoremFile) as Record<string, unknown>).filter(
      (v): v is Theorem<unknown> => typeof v === 'object' && v !== null && 'id' in v && 'predict' in v && (v as { id: unknown }).id === c.id,
    );
    expect(exported).toHaveLength(1);
    const t = exported[0];
    expect(typeof t.domain).toBe('function');
    expect(t.unit.description.length).toBeGreaterThan(0);
    const propertyFile = path.join(ROOT, propertyPath(c));
    expect(fs.existsSync(propertyFile)).toBe(true);
    const source = fs.readFileSync(propertyFile, 'utf8');
    expect(source.match(/\bclaimProperty\s*[<(]/g)).toHaveLength(1);
  });

  it('every property file (*.claim.ts) is registered', () => {
    const registered = new Set(CLAIMS.map(propertyPath));
    const unregistered = claimFiles(path.join(ROOT, 'properties')).filter((f) => !registered.has(f.split(path.sep).join('/')));
    expect(unregistered).toEqual([]);
  });
});
