import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../config.js';
import { describeZodError } from '../schema/zod-errors.js';
import { DEFAULT_EVERY_SECONDS, FeedSpecSchema, FeedUrlSchema, feedIdOf, MIN_EVERY_SECONDS, type FeedSpec } from './feed-spec.js';

/**
 * A khabar config file (`khabar run --config khabar.yml`, or KHABAR_CONFIG): YAML (JSON is YAML too).
 * Today it names feeds; each is registered as `khabar feeds add` would when the run starts.
 *
 *   feeds:
 *     - url: https://www.example.com/rss.xml
 *       name: وكالة المثال          # the outlet name its articles carry (default: the host)
 *       every: 300                  # seconds between polls (default 300, at least 30)
 */
export const ConfigFileSchema = z.strictObject({
  feeds: z
    .array(
      z.strictObject({
        url: FeedUrlSchema,
        name: z.string().trim().min(1).max(200).optional(),
        every: z.number().int().min(MIN_EVERY_SECONDS).max(86_400).optional(),
      }),
    )
    .default([]),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** A config file that cannot be read or does not parse: `khabar run` cannot start (exit 2). */
export class ConfigFileError extends ConfigError {}

/** Reads and checks a config file; any problem is one clear error naming the file and the field. */
export function readConfigFile(path: string): ConfigFile {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8')) ?? {};
  } catch (error) {
    throw new ConfigFileError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = ConfigFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigFileError(`${path}: ${describeZodError(parsed.error, { max: 5 })}`);
  return parsed.data;
}

/** The feeds of a config file as registered specs (same ids as `khabar feeds add` gives the same URLs). */
export function feedSpecsOf(config: ConfigFile, now = new Date()): FeedSpec[] {
  return config.feeds.map((feed) => FeedSpecSchema.parse({ id: feedIdOf(feed.url), url: feed.url, name: feed.name ?? new URL(feed.url).host, everySeconds: feed.every ?? DEFAULT_EVERY_SECONDS, addedAt: now.toISOString() }));
}
