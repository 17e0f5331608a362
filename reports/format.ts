/**
 * Number and text formatting for the reports.
 *
 * Numbers get 4 significant digits; scientific notation for |x| < 1e-3 or |x| ≥ 1e5 (decided on the
 * rounded value). α levels are always scientific. JSON turns ±Infinity into null, so interval
 * bounds read back from records may be null: {@link formatBound} prints those as ∓∞.
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

export function formatInterval(interval: { lower: number | null; upper: number | null }): string {
  return `[${formatBound(interval.lower, 'lower')}, ${formatBound(interval.upper, 'upper')}]`;
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
