import { Injectable } from '@nestjs/common';
import { CommandItemError } from '../../../common/errors';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { CommandEvent, CommandEventsService, itemErrorsFailure, LOAD_CUSTOMER_EVENTS_EXT } from '../../../modules/customer-events';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';
import { addCommandExample } from '../command-examples';
import { validateCommandEvent } from '../items/load-customer-events-ext.validation';
import { SEED_EXAMPLES } from '../seed-examples';

addCommandExample(
  LOAD_CUSTOMER_EVENTS_EXT,
  SEED_EXAMPLES.loadCustomerEventsExt.request,
  { ...SEED_EXAMPLES.loadCustomerEventsExt.responses.success, commandId: '0f8fad5b-d9cb-469f-a165-70867728950e' },
);

/** Seed 000: create customers and load the event register; step 2 runs in the background. */
@Injectable()
export class LoadCustomerEventsExtCommand implements CommandHandler {
  readonly name = LOAD_CUSTOMER_EVENTS_EXT;

  constructor(
    private readonly commandEvents: CommandEventsService,
    private readonly config: AppConfig,
  ) {}

  async handle(body: CommandBody, client: AuthenticatedClient) {
    const items = readItemList(body, 'events', this.config.maxItemsPerCommand);
    const events: CommandEvent[] = [];
    const errors: CommandItemError[] = [];
    for (const item of items) {
      const result = validateCommandEvent(item);
      if (result.ok) events.push(result.event);
      else errors.push(result.error);
    }
    if (errors.length > 0) throw itemErrorsFailure(errors);
    const commandId = await this.commandEvents.accept(client.id, events);
    return { errors: [], status: 'Success', error: null, commandId };
  }
}
