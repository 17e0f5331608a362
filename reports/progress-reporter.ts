/**
 * The progress display of a run (jest.config.ts reporters, through jest-progress.cjs), on stderr:
 * - on a terminal (and `CI` unset): one bar per running property with its configurations done / total
 *   (from the workers' progress files, progress.ts) and its last run's duration, under a bar of test
 *   files done with the run's ETA (cli-progress);
 * - otherwise (CI, pipes, logs): one plain line per finished property, with the files done and the ETA.
 * ETAs come from the last run's durations for the profile (durations.ts): per property its last
 * duration, for the run Σ(files' last durations) / workers minus the time spent. Display only.
 *
 * The run directory is read from THEORYCHECK_RUN_DIR, which the theorycheck reporter (constructed
 * before this one) exports.
 */
import * as path from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { durationsFor, type ProfileDurations } from './durations';
import { readProgress } from './progress';
import { OUT_DIR, RUN_DIR_ENV } from './records';

export interface ProgressOptions {
  outDir?: string;
  profile?: string;
  /** Bars (true) or plain lines (false); default: stderr is a terminal and CI is unset. */
  bars?: boolean;
  /** jest's worker count (for the run's ETA); default 2. */
  workers?: number;
  /** Where lines go (tests); default process.stderr. */
  write?: (text: string) => void;
  now?: () => number;
}

interface TestLike {
  path: string;
}
interface CaseStartLike {
  ancestorTitles: string[];
  title: string;
}
interface CaseResultLike extends CaseStartLike {
  status: string;
  duration?: number | null;
}

/** `HR2018.FM1.mean-length` for its claim test, `HR2018.FM1.mean-length~he-1.8` for a twin's test; undefined for unit tests. */
export function propertyIdOf(test: TestLike, c: CaseStartLike): string | undefined {
  if (!test.path.endsWith('.claim.ts') || c.ancestorTitles.length === 0) return undefined;
  const claim = c.ancestorTitles[0];
  const twin = /^twin (\S+) is rejected/.exec(c.title);
  return twin ? `${claim}~${twin[1]}` : claim;
}

export const formatSeconds = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

export default class ProgressReporter {
  private readonly durations: ProfileDurations;
  private readonly bars: boolean;
  private readonly workers: number;
  private readonly write: (text: string) => void;
  private readonly now: () => number;
  private runDir: string | undefined;
  private started = 0;
  private filesTotal = 0;
  private filesDone = 0;
  private expectedMs = 0;
  private multibar: MultiBar | undefined;
  private overall: SingleBar | undefined;
  private readonly running = new Map<string, { bar?: SingleBar; since: number }>();
  private timer: NodeJS.Timeout | undefined;

  /** jest passes its global config first; the progress display needs only the options. */
  constructor(...[, options = {}]: [unknown?, ProgressOptions?]) {
    this.durations = durationsFor(path.resolve(options.outDir ?? OUT_DIR), options.profile ?? 'gate');
    this.bars = options.bars ?? (process.stderr.isTTY === true && !process.env.CI);
    this.workers = options.workers ?? 2;
    this.write = options.write ?? ((t: string): void => void process.stderr.write(t));
    this.now = options.now ?? Date.now;
  }

  /** The run's expected wall time: the known files' last durations over the workers, the unknown ones at the median. */
  private expected(files: number): number {
    const known = Object.values(this.durations.files).sort((a, b) => a - b);
    if (known.length === 0) return 0;
    const total = files >= known.length ? known.reduce((s, x) => s + x, 0) + (files - known.length) * known[Math.floor(known.length / 2)] : (files * known.reduce((s, x) => s + x, 0)) / known.length;
    return total / this.workers;
  }

  private eta(): string {
    if (this.expectedMs === 0) return 'ETA unknown (no earlier run)';
    const left = this.expectedMs - (this.now() - this.started);
    return left > 0 ? `ETA ~${formatSeconds(left)}` : 'ETA: overdue';
  }

  onRunStart(results: { numTotalTestSuites: number }): void {
    this.runDir = process.env[RUN_DIR_ENV];
    this.started = this.now();
    this.filesTotal = results.numTotalTestSuites;
    this.expectedMs = this.expected(this.filesTotal);
    if (this.bars) {
      this.multibar = new MultiBar({ stream: process.stderr, format: '{name} {bar} {value}/{total} {unit} | {info}', hideCursor: true, clearOnComplete: false, barsize: 24, autopadding: true }, Presets.shades_classic);
      this.overall = this.multibar.create(this.filesTotal, 0, { name: 'test files'.padEnd(48), unit: 'files', info: this.eta() });
      this.timer = setInterval(() => this.refresh(), 500);
      this.timer.unref();
    }
  }

  private refresh(): void {
    this.overall?.update(this.filesDone, { info: this.eta() });
    for (const [id, r] of this.running) {
      const p = this.runDir === undefined ? undefined : readProgress(this.runDir, id);
      const last = this.durations.properties[id];
      const info = `${formatSeconds(this.now() - r.since)}${last !== undefined ? ` (last run ${formatSeconds(last)})` : ''}`;
      if (p && r.bar) {
        r.bar.setTotal(p.total);
        r.bar.update(p.done, { info });
      } else r.bar?.update({ info });
    }
  }

  onTestCaseStart(test: TestLike, c: CaseStartLike): void {
    const id = propertyIdOf(test, c);
    if (id === undefined) return;
    const bar = this.multibar?.create(1, 0, { name: id.slice(0, 48).padEnd(48), unit: 'configs', info: '' });
    this.running.set(id, { since: this.now(), ...(bar ? { bar } : {}) });
  }

  onTestCaseResult(test: TestLike, c: CaseResultLike): void {
    const id = propertyIdOf(test, c);
    if (id === undefined) return;
    const r = this.running.get(id);
    this.running.delete(id);
    if (r?.bar) {
      r.bar.stop();
      this.multibar?.remove(r.bar);
    }
    const mark = c.status === 'passed' ? '✓' : c.status === 'failed' ? '✗' : '·';
    const p = this.runDir === undefined ? undefined : readProgress(this.runDir, id);
    const configs = p ? `, ${p.done}/${p.total} configurations` : '';
    const line = `${mark} ${id} (${c.status}${configs}, ${formatSeconds(c.duration ?? (r ? this.now() - r.since : 0))})`;
    if (this.multibar) this.multibar.log(`${line}\n`);
    else this.write(`[${this.filesDone}/${this.filesTotal} files, ${this.eta()}] ${line}\n`);
  }

  onTestFileResult(): void {
    this.filesDone++;
    this.overall?.update(this.filesDone, { info: this.eta() });
  }

  onRunComplete(): void {
    if (this.timer) clearInterval(this.timer);
    this.multibar?.stop();
    this.write(`theorycheck: ${this.filesDone}/${this.filesTotal} test files in ${formatSeconds(this.now() - this.started)}\n`);
  }
}
