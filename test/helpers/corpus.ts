// The seed-rotation corpus lives with the benchmarks' corpora (bench/corpus/rotations.ts), so that
// benchmarks never import test code; the tests take it from there.
export { generatedArticles, writeGeneratedArticles } from '../../bench/corpus/rotations.js';
