import { Injectable } from '@nestjs/common';
import { WebhookEventType } from './domain/event-types';

/** Turns the references a deferred message was recorded with into its data items (none: nothing to send). */
export type PayloadResolver = (references: Array<Record<string, unknown>>) => Promise<Array<Record<string, unknown>>>;

/**
 * High-volume messages are recorded in their transaction as references only (a few bytes each, no
 * reads), and their data is built once, by the module that owns it, when first delivered — outside
 * the transaction and its locks. Owners register a resolver for each type they defer.
 */
@Injectable()
export class PayloadResolvers {
  private readonly resolvers = new Map<WebhookEventType, PayloadResolver>();

  register(type: WebhookEventType, resolver: PayloadResolver): void {
    this.resolvers.set(type, resolver);
  }

  resolve(type: WebhookEventType, references: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
    const resolver = this.resolvers.get(type);
    if (!resolver) throw new Error(`No payload resolver for ${type}`);
    return resolver(references);
  }
}
