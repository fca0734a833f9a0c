// Flat config: typescript-eslint's recommended rules over our TypeScript; generated and vendored output is ignored.
import tseslint from 'typescript-eslint';

// The layers of docs/ARCHITECTURE.md, enforced: each folder names what it may not import.
const IO_MODULES = ['ioredis', 'bullmq', 'pino', 'chokidar', 'hono', 'node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:child_process', 'node:worker_threads', 'node:os', 'pg', 'kysely'];
const folders = (names) => `(^|/)(${names.join('|')})/`;
function layer(files, banned, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', {
        paths: (banned.modules ?? []).map((name) => ({ name, message: why })),
        patterns: [
          ...(banned.folders ? [{ regex: folders(banned.folders), message: why }] : []),
          ...(banned.files ? [{ regex: `(^|/)(${banned.files.join('|')})\\.js$`, message: why }] : []),
        ],
      }],
    },
  };
}
const OUTSIDE_SRC = ['test', 'bench', 'scripts', 'training'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**', '.khabar/**', 'output/**', 'inbox/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Issue 19's size rules: a file of src/ holds one job, a function one step of it.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 120 }],
    },
  },
  layer(['src/schema/**'], { folders: ['nlp', 'models', 'store', 'pipeline', 'ingest', 'dashboard', 'commands', ...OUTSIDE_SRC], files: ['config', 'logger', 'paths', 'analyse'], modules: IO_MODULES },
    'src/schema holds the record format alone: zod schemas, no code of other layers, no I/O.'),
  layer(['src/nlp/**'], { folders: ['models', 'store', 'pipeline', 'ingest', 'dashboard', 'commands', ...OUTSIDE_SRC], files: ['config', 'logger', 'paths', 'analyse'], modules: IO_MODULES },
    'src/nlp is the science: pure and synchronous, no I/O, no queue, no configuration (docs/ARCHITECTURE.md).'),
  layer(['src/models/**'], { folders: ['store', 'pipeline', 'ingest', 'dashboard', 'commands', ...OUTSIDE_SRC] },
    'src/models loads committed weights for src/nlp; it knows no queue, store or interface.'),
  layer(['src/store/**'], { folders: ['pipeline', 'ingest', 'dashboard', 'commands', ...OUTSIDE_SRC] },
    'src/store keeps state (Redis indexes, the output folder); the pipeline calls it, never the other way.'),
  layer(['src/pipeline/**', 'src/analyse.ts'], { folders: ['ingest', 'dashboard', 'commands', ...OUTSIDE_SRC] },
    'src/pipeline runs the stages; the ingest, the dashboard and the CLI sit above it.'),
  layer(['src/ingest/**'], { folders: ['dashboard', 'commands', ...OUTSIDE_SRC] },
    'src/ingest queues articles; it knows nothing of the dashboard or the CLI.'),
  layer(['src/feeds/**'], { folders: ['dashboard', 'commands', ...OUTSIDE_SRC] },
    'src/feeds polls feeds into the inbox; it knows nothing of the dashboard or the CLI.'),
  layer(['src/alerts/**'], { folders: ['ingest', 'dashboard', 'commands', ...OUTSIDE_SRC] },
    'src/alerts matches records against watches and delivers alerts; it knows nothing of the ingest, dashboard or CLI.'),
  layer(['src/api/**'], { folders: ['pipeline', 'ingest', 'dashboard', 'commands', ...OUTSIDE_SRC] },
    'src/api answers reads from a record store; the dashboard serves it, and it knows no queue.'),
  layer(['src/dashboard/**'], { folders: ['ingest', 'commands', ...OUTSIDE_SRC] },
    'src/dashboard reads queues and the store; it does not ingest, and the CLI sits above it.'),
  layer(['src/commands/**', 'src/*.ts'], { folders: OUTSIDE_SRC },
    'Runtime code in src/ never imports tests, benchmarks, scripts or training code.'),
  layer(['scripts/**', 'bench/**', 'training/**'], { folders: ['test'] },
    'Scripts, benchmarks and training code do not import test code: shared helpers belong in src/ or in their own folder.'),
);
