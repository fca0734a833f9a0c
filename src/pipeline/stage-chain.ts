import type { StageName } from '../schema/record.js';
import type { StageDefinition } from './stage-definition.js';
import { WRITE_QUEUE, type QueueName } from './queues.js';
import { tokeniseStage } from './stages/tokenise.js';
import { nerStage } from './stages/ner.js';
import { claimsStage } from './stages/claims.js';
import { dedupStage } from './stages/dedup.js';

/**
 * The stage registry: the chain every article runs, in order. Adding a stage is one entry here
 * (plus its definition in ./stages/). The last stage hands the record to the `write` queue.
 */
export const STAGES: readonly StageDefinition[] = [tokeniseStage, nerStage, claimsStage, dedupStage];

export const CHAIN: readonly StageName[] = STAGES.map((stage) => stage.name);

export function stageDefinition(name: StageName): StageDefinition {
  const found = STAGES.find((stage) => stage.name === name);
  if (!found) throw new Error(`stage "${name}" is not in this build's chain (${CHAIN.join(' → ')})`);
  return found;
}

/** The queue that follows a stage: the next stage, or `write` after the last. */
export function nextQueue(stage: StageName): QueueName {
  const index = CHAIN.indexOf(stage);
  if (index < 0) throw new Error(`stage "${stage}" is not in the chain`);
  return CHAIN[index + 1] ?? WRITE_QUEUE;
}

/** The first queue an article enters. */
export function firstQueue(): QueueName {
  return CHAIN[0] ?? WRITE_QUEUE;
}

/** Every queue, in pipeline order (stages then write): the dashboard and `status` show them so. */
export function allQueues(): QueueName[] {
  return [...CHAIN, WRITE_QUEUE];
}
