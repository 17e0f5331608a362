/**
 * A claim from a paper, stated as data: where it comes from, how sure we are of the text, the
 * hypotheses it needs (a validated configuration domain), what one experimental unit is, and its
 * prediction as a typed relation (equals, at most, within ± r, shown below, …). The relation and the
 * unit kind select the statistical check (properties/checks/select.ts): a property file never picks one.
 * Nothing here touches tfjs: a theorem is checked against the engine, never computed by it.
 */
import type { Citation, Provenance, Relation, UnitKind } from './vocabulary';

export type { Citation, Provenance, Relation, UnitKind };

/** Thrown when a configuration lies outside a theorem's hypotheses. */
export class OutOfDomainError extends Error {
  constructor(theoremId: string, message: string) {
    super(`${theoremId}: configuration outside the theorem's hypotheses: ${message}`);
    this.name = 'OutOfDomainError';
  }
}

/** Throws {@link OutOfDomainError} for `problem` (a message naming the parameter and its range), if any. */
export function throwIf(theoremId: string, problem: string | undefined): void {
  if (problem !== undefined) throw new OutOfDomainError(theoremId, problem);
}

export interface Theorem<Config> {
  /** Stable id, e.g. `HR2018.FM1.mean-length`. */
  id: string;
  title: string;
  paper: Citation;
  /** [P] paper text, [S] secondary source, [R] recalled/unverified, [D] derived exactly. */
  provenance: Provenance;
  /** The claim in words, with its formula. */
  statement: string;
  /** The hypotheses, in words; `domain` enforces them. */
  hypotheses: readonly string[];
  /** What has been verified against the paper and what has not. */
  verification: string;
  /** One experimental unit: its kind (selects the check with the relation) and what it is, in words. */
  unit: { kind: UnitKind; description: string };
  /** Validates a configuration against the hypotheses; throws {@link OutOfDomainError}. */
  domain(config: Config): Config;
  /** The prediction for a configuration inside the domain, with its relation. */
  predict(config: Config): Relation;
}
