import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedTexts } from './seeds.js';

/**
 * `count` distinct real-text articles made from the seeds: paragraphs rotated and a numbered
 * correction line appended, so every one has its own id but stays Arabic news. The reliability
 * tests and the dedup benchmarks share it.
 */
export function generatedArticles(count: number): string[] {
  const seeds = seedTexts();
  return Array.from({ length: count }, (_, i) => {
    const paragraphs = (seeds[i % seeds.length] ?? '').split(/\n\s*\n/);
    const shift = Math.floor(i / seeds.length) % Math.max(paragraphs.length, 1);
    const [title = '', ...body] = paragraphs;
    const rotated = [...body.slice(shift), ...body.slice(0, shift)];
    return `${title}\n\n${rotated.join('\n\n')}\n\nتصحيح رقم ${i + 1}: حدثت هذه النسخة من الخبر.`;
  });
}

/** Writes the generated articles as .txt files into `dir`; returns their paths. */
export function writeGeneratedArticles(dir: string, count: number): string[] {
  return generatedArticles(count).map((text, i) => {
    const path = join(dir, `article-${String(i + 1).padStart(5, '0')}.txt`);
    writeFileSync(path, text);
    return path;
  });
}
