import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectPath } from '../../src/paths.js';

/** One seed article cut into a title and paragraphs of sentences (the generator's raw material). */
export interface SeedDocument {
  name: string;
  title: string;
  paragraphs: string[][];
}

/** Sentence ends in Arabic news: full stop, Arabic question mark, exclamation, then space. */
const SENTENCE_END = /(?<=[.!؟?])\s+/u;

export function splitSeed(name: string, text: string): SeedDocument {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
  const [title = '', ...rest] = blocks;
  const paragraphs = rest
    .map((block) => block.split(SENTENCE_END).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0))
    .filter((sentences) => sentences.length > 0);
  return { name, title, paragraphs };
}

/** The names of the project's seed articles (seeds/*.txt), in name order: the one place that lists them. */
export function seedFiles(dir = projectPath('seeds')): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => join(dir, name));
}

/** The seed articles' raw texts, in name order. */
export function seedTexts(dir = projectPath('seeds')): string[] {
  return seedFiles(dir).map((path) => readFileSync(path, 'utf8'));
}

/** The project's seed articles, cut into titles and paragraphs, in name order. */
export function loadSeeds(dir = projectPath('seeds')): SeedDocument[] {
  return seedFiles(dir).map((path) => splitSeed(basename(path), readFileSync(path, 'utf8')));
}
