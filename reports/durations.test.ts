import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMITTED_DURATIONS, durationsFor, readDurations, updateDurations } from './durations';

describe('durations', () => {
  test('a run updates its profile, keeps the others, and newer values win', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'durations-'));
    updateDurations(out, 'gate', { files: { 'a.claim.ts': 10, 'b.claim.ts': 20 }, properties: { A: 5 } });
    updateDurations(out, 'full', { files: { 'a.claim.ts': 100 }, properties: {} });
    updateDurations(out, 'gate', { files: { 'a.claim.ts': 12 }, properties: { B: 7 } });
    expect(durationsFor(out, 'gate')).toEqual({ files: { 'a.claim.ts': 12, 'b.claim.ts': 20 }, properties: { A: 5, B: 7 } });
    expect(durationsFor(out, 'full').files).toEqual({ 'a.claim.ts': 100 });
  });

  test('without an output directory\'s file, the committed copy (every claim file of the gate) is used', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'durations-'));
    const gate = durationsFor(empty, 'gate');
    expect(gate).toEqual(readDurations(COMMITTED_DURATIONS).gate);
    const claimFiles = fs.readdirSync(path.resolve(__dirname, '..', 'properties'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.claim.ts'));
    for (const f of claimFiles) expect(gate.files[path.join('properties', f)]).toBeGreaterThan(0);
  });

  test('a corrupt file reads as empty', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'durations-'));
    fs.writeFileSync(path.join(out, 'durations.json'), '{');
    expect(readDurations(path.join(out, 'durations.json'))).toEqual({});
  });
});
