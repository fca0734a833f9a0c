import { afterAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { loadNerModel } from '../../src/models/ner.js';
import { MemoryEntityRegistry, RedisEntityRegistry } from '../../src/store/entity-registry.js';
import { loadLinkingCases, runLinkingCase } from '../../training/ner/linking-cases.js';
import { testPrefix, testRedis } from '../helpers/redis.js';

// The linking test set of issue 18 item 7 (test/fixtures/ner-linking/cases.json): every case through
// the text layer, the committed model, linking, and both registries (a real redis-server), which must
// also give the same ids as each other.
const model = loadNerModel();
const cases = loadLinkingCases();
const connections: Redis[] = [];

afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit()));
});

describe('entity-linking cases', () => {
  it('has cases for each failure of issue 18 item 7 and for the links that must keep working', () => {
    const kinds = new Set(cases.map((c) => c.failure));
    expect([...kinds].sort()).toEqual(['canonical', 'capital', 'hyphen', 'positive', 'surname']);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const memory = await runLinkingCase(c, model, new MemoryEntityRegistry(), 'case-');
    const redis = testRedis();
    connections.push(redis);
    const shared = await runLinkingCase(c, model, new RedisEntityRegistry(redis, testPrefix('linking-cases')), 'case-');
    expect(memory.problems, 'memory registry').toEqual([]);
    expect(shared.problems, 'redis registry').toEqual([]);
    // An expectation marked known must still fail: once it holds, the mark goes.
    expect(memory.knownButHolding, 'known failures that hold now').toEqual([]);
    expect(shared.entities, 'redis and memory registries give the same ids').toEqual(memory.entities);
  });
});
