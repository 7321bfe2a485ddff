/** Every queue and job name of the engine, in one place. */
export const QUEUES = {
  /** Stored customer events to route: each job's events are split into chunks per partition. */
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
  sendWebhookBatches: 'send-webhook-batches',
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

/**
 * Partitions of event processing: an event belongs to the partition of its customer (see
 * customer-events/routing), and each partition's chunks are applied by one job at a time across all
 * worker processes. A fixed number, the same in every process, so an API process and a worker
 * always agree where an event goes.
 */
export const EVENT_PARTITIONS = 8;
export const eventPartitionQueue = (partition: number) => `${QUEUES.events}-p${partition}`;
export const EVENT_PARTITION_QUEUES: readonly string[] = Array.from({ length: EVENT_PARTITIONS }, (_, p) => eventPartitionQueue(p));
/** Every Bull queue of the engine: the named ones and the event partitions. */
export const ENGINE_QUEUES: readonly string[] = [...Object.values(QUEUES), ...EVENT_PARTITION_QUEUES];

/** Events per processing job of a partition. */
export const EVENT_CHUNK_SIZE = 500;
/** Events per routing job: split over the partitions, they still make chunks of a useful size. */
export const EVENT_ROUTING_BATCH = 4000;
