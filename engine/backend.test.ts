import { BACKENDS, engineVersions, initEngine, parseBackend } from './backend';

describe('backend selection', () => {
  // Re-requiring tfjs in an isolated module registry re-registers its backends, which tfjs reports
  // (and the platform) with console warnings; those are expected here.
  beforeEach(() => {
    const warn = console.warn.bind(console);
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!/already (registered|been set)/.test(String(args[0]))) warn(...args);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('accepts the three backends and rejects anything else, listing the valid names', () => {
    for (const name of BACKENDS) expect(parseBackend(name)).toBe(name);
    expect(() => parseBackend('webgpu')).toThrow('backend must be one of tensorflow, wasm, cpu; got "webgpu"');
    expect(() => parseBackend('webgpu', 'THEORYCHECK_BACKEND')).toThrow('THEORYCHECK_BACKEND must be one of tensorflow, wasm, cpu; got "webgpu"');
  });

  it('an unknown backend option fails engine start-up with the same message', async () => {
    await jest.isolateModulesAsync(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('./backend') as typeof import('./backend');
      await expect(fresh.initEngine({ backend: 'gpu' })).rejects.toThrow('backend must be one of tensorflow, wasm, cpu; got "gpu"');
    });
  });

  it('a forced backend is used (cpu here), never silently replaced', async () => {
    await jest.isolateModulesAsync(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('./backend') as typeof import('./backend');
      const engine = await fresh.initEngine({ backend: 'cpu' });
      expect(engine.backend).toBe('cpu');
      expect(engine.fallback).toBeUndefined();
    });
  });

  it('the automatic choice lands on a working backend and records every version', async () => {
    const engine = await initEngine();
    expect(BACKENDS).toContain(engine.backend);
    expect(engine.versions['@tensorflow/tfjs']).toBe(engine.versions['@tensorflow/tfjs-backend-wasm']);
    expect(engineVersions().node).toBe(process.versions.node);
  });
});
