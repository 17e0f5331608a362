/**
 * A figure of the HTML report: a vega-lite 5 spec with its data inlined, rendered to static SVG by
 * vega on the server side (reports/html-writer.ts) and kept beside the picture so that a reviewer can
 * re-plot it (vega-lite editor, altair, …).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PropertyRecord } from '../schema';

export interface FigureSpec {
  /** Stable id, unique within a report: the file name of the spec and of the SVG (`[A-Za-z0-9._~-]`). */
  id: string;
  title: string;
  /** What the figure shows and how to read it (one or two sentences). */
  caption: string;
  /** A vega-lite 5 spec with its data inlined (`data.values`), so that it re-plots anywhere. */
  spec: TopLevelSpec;
}

/**
 * The paper figures of one property record, built from its `figures` data (or, for some claims, from
 * its configurations); [] when there is nothing to draw. It is also called for records without
 * `figures`, and must not throw on missing or odd fields.
 */
export type FigureBuilder = (record: PropertyRecord) => FigureSpec[];
