import type { RecordInProgress, StageName } from '../schema/record.js';
import { workerIdentity } from './worker-identity.js';

/** The record with one stage's run noted in its pipeline info: how long it took, where, at which attempt. */
export function stampStage(record: RecordInProgress, stage: StageName, ms: number, attempts: number): RecordInProgress {
  return {
    ...record,
    pipeline: {
      ...record.pipeline,
      stages: {
        ...record.pipeline.stages,
        [stage]: { ms: Math.round(ms * 1000) / 1000, worker: workerIdentity(), attempts, finishedAt: new Date().toISOString() },
      },
    },
  };
}
