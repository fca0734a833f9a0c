export * from './span.js';
export * from './article.js';
export * from './text.js';
export * from './entities.js';
export * from './claims.js';
export * from './dedup.js';
export * from './record.js';
export * from './story.js';
