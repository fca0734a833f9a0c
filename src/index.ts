// The library: `import { analyse } from 'khabar'`.
export { analyse, type AnalyseMeta } from './analyse.js';
export * from './schema/index.js';
export { readArticles, type ArticleDraft } from './ingest/readers.js';
export { decodeBytes } from './ingest/encoding.js';
