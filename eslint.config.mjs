// Lint: TypeScript-aware recommended rules over the four source folders, and the import graph the
// design promises (README, "Layout"):
// - theorems/ imports nothing of ours outside theorems/ (and mathjs);
// - engine/ imports nothing of ours but the vocabulary (theorems/vocabulary.ts); its tests may use the
//   statistics core and the budget of properties/ as oracles;
// - reports/ reads only the result schema and its own modules (and the vocabulary);
// - properties/ may import everything but the reporter;
// No import cycle anywhere, type imports included: `npm run lint` also runs madge --circular.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const VOCABULARY = 'theorems/vocabulary';
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['node_modules/', 'reports/out/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded RandomStream (engine/random/stream.ts).' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
    },
  },
  {
    files: ['theorems/**/*.ts'],
    ignores: ['theorems/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['**/engine/**', '**/properties/**', '**/reports/**'], 'theorems/ imports nothing of ours outside theorems/ (a theorem is checked against the engine, never computed by it).')] }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [pattern(['**/properties/**', '**/reports/**', '**/theorems/**', `!**/${VOCABULARY}`], 'engine/ imports nothing of ours but theorems/vocabulary.ts; faults substitute its components from properties/faults/.')] },
      ],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'engine/ reads no environment variable: settings are read in properties/settings.ts and passed down as options.' }],
    },
  },
  {
    files: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['**/reports/**', '**/properties/!(stats|budget)*', '**/properties/*/**', '!**/properties/stats/**', '**/theorems/**', `!**/${VOCABULARY}`], 'engine tests may use only the statistics core and the budget as oracles.')] }],
    },
  },
  {
    files: ['theorems/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'theorems/ reads no environment variable.' }],
    },
  },
  {
    files: ['reports/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['**/engine/**', '**/properties/**', '**/theorems/**', `!**/${VOCABULARY}`], 'reports/ reads only the result schema (reports/schema.ts) and the vocabulary.')] }],
    },
  },
  {
    files: ['properties/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['**/reports/reporter', '**/reports/*-writer', '**/reports/build'], 'properties/ hand records to reports/ through reports/records.ts and the schema only.')] }],
    },
  },
);
