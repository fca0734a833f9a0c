// The conflict pairs' schema and loader live in scripts/lib/ (shared with `npm run eval:conflicts`).
export * from '../../../scripts/lib/conflict-pairs.js';
