import { EntityManager } from 'typeorm';
import { ItemOutcome, LockedRun, PendingItem } from './command-runs.types';

/** The step-2 handlers of the asynchronous commands, one per command type, provided by the module that owns the use case. */
export const STEP_TWO_HANDLERS = Symbol('STEP_TWO_HANDLERS');

export interface StepTwoHandler {
  /** The typeOfCommand whose runs it processes. */
  readonly command: string;
  /** Step 2 for the run's pending items, in the caller's transaction; one outcome per item. */
  process(manager: EntityManager, run: LockedRun, pending: PendingItem[]): Promise<ItemOutcome[]>;
}
