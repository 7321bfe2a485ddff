/** Every queue and job name of the engine, in one place. */
export const QUEUES = {
  /** Chunks of stored customer events to evaluate and accrue. */
  events: 'customer-events',
  /** Step 2 of asynchronous Command API commands (addCustomerPointMessage, addBonusExtQuick, …). */
  commands: 'commands',
  /** Scheduled ledger and register maintenance: points expiry, the pending-event reconciler. */
  maintenance: 'maintenance',
  /** Outbound webhook deliveries and their reconciler. */
  webhooks: 'webhooks',
} as const;

export const JOBS = {
  processEvents: 'process-events',
  runCommand: 'run-command',
  expirePoints: 'expire-points',
  reconcileEvents: 'reconcile-events',
  reconcileCommands: 'reconcile-commands',
  deliverWebhook: 'deliver-webhook',
  reconcileWebhooks: 'reconcile-webhooks',
} as const;

/** Retries with exponential backoff; permanent failures are discarded by the processors themselves. */
export const JOB_ATTEMPTS = 8;
export const JOB_BACKOFF_MS = 1000;
export const DEFAULT_JOB_OPTIONS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  removeOnComplete: 1000,
  removeOnFail: 5000,
} as const;

/** Events per processing job. */
export const EVENT_CHUNK_SIZE = 500;
