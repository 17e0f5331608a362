/** The tfjs backends the engine can run on, in its automatic order (no tfjs import: cheap to load). */
export const BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** Validates a backend name; `parameter` names the setting in the message. */
export function parseBackend(name: string, parameter = 'backend'): BackendName {
  const trimmed = name.trim();
  if ((BACKENDS as readonly string[]).includes(trimmed)) return trimmed as BackendName;
  throw new Error(`${parameter} must be one of ${BACKENDS.join(', ')}; got "${name}"`);
}
