import type { BenchArticle } from './article.js';
import { generateArticles, type GeneratorOptions } from './generator.js';
import { readSaudiNewsNet, saudiNewsNetAvailable } from './saudinewsnet.js';

export type { BenchArticle } from './article.js';
export { toRecord } from './article.js';
export { generateArticles, generatedCorpus, DEFAULT_GENERATOR, type GeneratedArticle, type GeneratorOptions } from './generator.js';
export { readSaudiNewsNet, saudiNewsNetAvailable } from './saudinewsnet.js';

export type CorpusName = 'saudinewsnet' | 'generated';

/** Which corpus a run uses: SaudiNewsNet when its folder exists (the real thing), else the generator. */
export function chooseCorpus(requested: CorpusName | 'auto'): CorpusName {
  if (requested !== 'auto') return requested;
  return saudiNewsNetAvailable() ? 'saudinewsnet' : 'generated';
}

/**
 * `count` articles of the chosen corpus. SaudiNewsNet holds about 29,800 usable articles; asking
 * for more continues with generated ones (the caller is told through `realCount`).
 */
export function corpusArticles(corpus: CorpusName, count: number, generator: Partial<GeneratorOptions> = {}): { articles: BenchArticle[]; realCount: number } {
  const articles: BenchArticle[] = [];
  if (corpus === 'saudinewsnet') for (const article of readSaudiNewsNet({ limit: count })) articles.push(article);
  const realCount = articles.length;
  if (articles.length < count) for (const article of generateArticles(count - articles.length, generator)) articles.push(article);
  return { articles, realCount };
}

/**
 * The articles a benchmark can queue: ids unique (the queues dedupe by id; SaudiNewsNet repeats a few
 * pages), and none that reads as an integer (BullMQ refuses it: "Custom Id cannot be integers"; about
 * 1 in 2,000 of khabar's 16-hex-digit ids are all decimal digits).
 */
export function queueableArticles(loaded: readonly BenchArticle[]): BenchArticle[] {
  const seen = new Set<string>();
  const unique = loaded.filter((article) => (seen.has(article.id) ? false : (seen.add(article.id), true)));
  return unique.filter((article) => String(Number.parseInt(article.id, 10)) !== article.id);
}
