/**
 * Number and text formatting for the reports.
 *
 * Numbers get 4 significant digits; scientific notation for |x| < 1e-3 or |x| ≥ 1e5 (decided on the
 * rounded value). α levels are always scientific. JSON turns ±Infinity into null, so interval
 * bounds read back from records may be null: {@link formatBound} prints those as ∓∞ and
 * {@link formatInterval} as a one-sided interval (`[L, ∞)`, or `≥ L` for a proportion).
 */

const SIGNIFICANT = 4;

/** `1.234e-4`, `0.001234`, `1.000`, `12.35`, `12350`, `1.235e+5`; `0`; `NaN`; `∞`; `—` for null. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const rounded = Number(x.toPrecision(SIGNIFICANT));
  const magnitude = Math.abs(rounded);
  if (magnitude < 1e-3 || magnitude >= 1e5) return rounded.toExponential(SIGNIFICANT - 1);
  const decimals = Math.max(0, SIGNIFICANT - 1 - Math.floor(Math.log10(magnitude)));
  return rounded.toFixed(decimals);
}

/** Like {@link formatNumber} with an explicit sign: `+1.234`, `-0.5000`. */
export function formatSigned(x: number): string {
  const text = formatNumber(x);
  return x > 0 && Number.isFinite(x) ? `+${text}` : text;
}

/** α (and other small probabilities meant as design constants): scientific, trailing zeros trimmed: `1e-3`, `2.5e-5`, `1.235e-4`. */
export function formatAlpha(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) return formatNumber(x);
  if (x === 0) return '0';
  const [mantissa, exponent] = x.toExponential(SIGNIFICANT - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return `${trimmed}e${exponent.replace(/^\+/, '')}`;
}

/** Integers with no grouping, e.g. sample sizes. Non-integers fall back to {@link formatNumber}. */
export function formatCount(x: number): string {
  return Number.isInteger(x) ? String(x) : formatNumber(x);
}

/** A percentage with 4 significant digits: `12.35%`, `+1.200%` (with `signed`). */
export function formatPercent(fraction: number, signed = false): string {
  const value = fraction * 100;
  return `${signed ? formatSigned(value) : formatNumber(value)}%`;
}

/** An interval bound; null (JSON's ±Infinity) prints as −∞ for a lower bound and ∞ for an upper one. */
export function formatBound(x: number | null | undefined, side: 'lower' | 'upper'): string {
  if (x === null || x === undefined) return side === 'lower' ? '−∞' : '∞';
  return formatNumber(x);
}

/** The range a quantity can take, e.g. `[0, 1]` for a proportion, `[−1, 1]` for a difference of two. */
export type QuantityRange = readonly [number, number];

/** A proportion's range. */
export const PROPORTION: QuantityRange = [0, 1];

/** Whether an interval bound says nothing: open (null, undefined, ±∞, NaN) or beyond the quantity's range. */
function vacuous(x: number | null | undefined, side: 'lower' | 'upper', range?: QuantityRange): boolean {
  if (x === null || x === undefined || !Number.isFinite(x)) return true;
  if (range === undefined) return false;
  return side === 'lower' ? x < range[0] : x > range[1];
}

/**
 * A confidence interval. Two bounds: `[0.9500, 1.001]`. One-sided (the other bound null, undefined
 * or ±∞ — JSON stores ±∞ as null): `[0.9300, ∞)` / `(−∞, 0.2100]` for an unbounded quantity; for a
 * quantity with a known `range` (a proportion: {@link PROPORTION}) a bound beyond the range is as
 * good as none, and a one-sided interval prints as the bound it states: `≥ 0.9300` / `≤ 0.2100`,
 * never a bare −∞. No bound at all: `(−∞, ∞)`, or `no bound` within a range.
 */
export function formatInterval(interval: { lower: number | null | undefined; upper: number | null | undefined }, range?: QuantityRange): string {
  const openLower = vacuous(interval.lower, 'lower', range);
  const openUpper = vacuous(interval.upper, 'upper', range);
  if (openLower && openUpper) return range === undefined ? '(−∞, ∞)' : 'no bound';
  if (openLower) return range === undefined ? `(−∞, ${formatNumber(interval.upper)}]` : `≤ ${formatNumber(interval.upper)}`;
  if (openUpper) return range === undefined ? `[${formatNumber(interval.lower)}, ∞)` : `≥ ${formatNumber(interval.lower)}`;
  return `[${formatNumber(interval.lower)}, ${formatNumber(interval.upper)}]`;
}

/**
 * The range to print an interval in ({@link formatInterval}): `known` when the caller knows it (e.g. from
 * the test: a probability); else a proportion's [0, 1] when the estimate lies in [0, 1] and the interval
 * is one-sided with its one bound in [0, 1] (then `≤ U` / `≥ L` says exactly what `(−∞, U]` / `[L, ∞)`
 * would); else undefined (an unbounded quantity). A finite bound outside [0, 1] never makes a quantity a
 * proportion by itself: a two-sided [−0.84, 0.90] around 0.03 may be a difference of means.
 */
export function impliedRange(estimate: number, interval: { lower: number | null | undefined; upper: number | null | undefined }, known?: QuantityRange): QuantityRange | undefined {
  if (known !== undefined) return known;
  const inUnit = (x: number | null | undefined): boolean => typeof x === 'number' && x >= 0 && x <= 1;
  if (!inUnit(estimate)) return undefined;
  const openLower = vacuous(interval.lower, 'lower');
  const openUpper = vacuous(interval.upper, 'upper');
  if (openLower !== openUpper && (openLower ? inUnit(interval.upper) : inUnit(interval.lower))) return PROPORTION;
  return undefined;
}

/** Confidence level 1 − α: `95%`, `99.9%`, or `1 − 2e-5` when the percentage would be unreadable. */
export function formatLevel(level: number): string {
  const alpha = 1 - level;
  if (alpha > 0 && alpha < 1e-3) return `1 − ${formatAlpha(alpha)}`;
  return `${Number((level * 100).toPrecision(6))}%`;
}

/** `850 ms`, `12.35 s`, `3 min 12.3 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return formatNumber(ms);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${formatNumber(seconds)} s`;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${(seconds - 60 * minutes).toFixed(1)} s`;
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds - 3600 * hours) / 60);
  return `${hours} h ${String(minutes).padStart(2, '0')} min`;
}

/** Text safe inside a Markdown table cell: no line breaks, `|` escaped. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A Markdown table (header + rows), cells escaped with {@link cell}. */
export function table(header: string[], rows: string[][], align?: ('l' | 'r' | 'c')[]): string {
  const separator = header.map((_, i) => {
    const a = align?.[i] ?? 'l';
    return a === 'r' ? '---:' : a === 'c' ? ':---:' : '---';
  });
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${separator.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A fenced code block whose fence is longer than any backtick run inside the text. */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/** Inline code span that survives backticks in the text. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** Removes ANSI colour/cursor escape sequences (jest's failure messages carry them). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}
