import { Injectable, Logger } from '@nestjs/common';

/** Whether the engine's event processing has work waiting beyond what it is doing now. */
export type BacklogProbe = () => Promise<boolean>;

/**
 * Lets batched deliveries give way to event processing: while processing has a backlog, a batch's
 * first attempt waits (at most WEBHOOK_MAX_DEFER_MS), so a bulk load drains at full speed and its
 * notifications follow it. The event register, which owns the processing queues, registers the
 * probe; without one nothing ever waits.
 */
@Injectable()
export class ProcessingBacklog {
  private readonly logger = new Logger(ProcessingBacklog.name);
  private probe: BacklogProbe | null = null;

  register(probe: BacklogProbe): void {
    this.probe = probe;
  }

  /** False when no probe is registered or the probe fails: a delivery is never held by an unknown. */
  async present(): Promise<boolean> {
    if (!this.probe) return false;
    try {
      return await this.probe();
    } catch (error) {
      this.logger.warn({ err: error }, 'Event processing backlog unknown; webhook batches are sent without waiting');
      return false;
    }
  }
}
