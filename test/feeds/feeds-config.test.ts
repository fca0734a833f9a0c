// The config file's `feeds:` (issue 23, item 1): YAML read and checked with zod, each feed the spec
// `khabar feeds add` would register; a bad file stops `khabar run` before anything starts (exit 2),
// naming the file and the field.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedIdOf } from '../../src/feeds/feed-spec.js';
import { ConfigFileError, feedSpecsOf, readConfigFile } from '../../src/feeds/feeds-config.js';
import { tempDir } from '../helpers/pipeline.js';

const dir = tempDir('feeds-config');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('config file feeds', () => {
  it('reads feeds from YAML, with Arabic outlet names and defaults, as the specs feeds add gives', () => {
    const path = file('khabar.yml', 'feeds:\n  - url: https://www.example.com/rss.xml\n    name: وكالة المثال\n    every: 120\n  - url: https://news.example.org/atom\n');
    const specs = feedSpecsOf(readConfigFile(path));
    expect(specs.map(({ id, name, everySeconds }) => ({ id, name, everySeconds }))).toEqual([
      { id: feedIdOf('https://www.example.com/rss.xml'), name: 'وكالة المثال', everySeconds: 120 },
      { id: feedIdOf('https://news.example.org/atom'), name: 'news.example.org', everySeconds: 300 },
    ]);
    expect(feedSpecsOf(readConfigFile(file('empty.yml', '')))).toEqual([]);
  });

  it('refuses a bad file with one error naming the file and the field', () => {
    expect(() => readConfigFile(file('bad-url.yml', 'feeds:\n  - url: ftp://example.com/feed\n'))).toThrow(ConfigFileError);
    expect(() => readConfigFile(file('bad-url.yml', 'feeds:\n  - url: ftp://example.com/feed\n'))).toThrow(/bad-url\.yml: .*url/);
    expect(() => readConfigFile(file('fast.yml', 'feeds:\n  - url: https://example.com/f\n    every: 5\n'))).toThrow(/every/);
    expect(() => readConfigFile(file('typo.yml', 'feed:\n  - url: https://example.com/f\n'))).toThrow(/feed/);
    expect(() => readConfigFile(file('broken.yml', 'feeds: [\n'))).toThrow(/broken\.yml/);
  });

  it('stops khabar run before anything starts (exit 2) on a bad config file', () => {
    const run = spawnSync(process.execPath, ['bin/khabar.js', 'run', '--once', '--config', file('fast.yml', 'feeds:\n  - url: https://example.com/f\n    every: 5\n'), '--out', join(dir, 'out')], { encoding: 'utf8', env: { ...process.env, KHABAR_HOME: join(dir, 'home') } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^khabar: .*fast\.yml: .*every/m);
  });
});
