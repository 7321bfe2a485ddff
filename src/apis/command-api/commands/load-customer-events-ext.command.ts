import { Injectable } from '@nestjs/common';
import { CommandItemError } from '../../../common/errors';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { CommandEvent, CommandEventsService, itemErrorsFailure, LOAD_CUSTOMER_EVENTS_EXT } from '../../../modules/customer-events';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';
import { Type } from '@sinclair/typebox';
import { COMMAND_ID_EXAMPLE } from '../wire/add-answers';
import { defineCommandWire } from '../wire/command-catalogue';
import { commandRequest } from '../wire/command-request';
import { ItemList, SUCCESS_ENVELOPE } from '../wire/command-shapes';
import { LoadCustomerEventItem } from '../items/load-customer-events-ext.schema';
import { validateCommandEvent } from '../items/load-customer-events-ext.validation';
import { SEED_EXAMPLES } from '../seed-examples';

defineCommandWire({
  name: LOAD_CUSTOMER_EVENTS_EXT,
  request: commandRequest(LOAD_CUSTOMER_EVENTS_EXT, { events: ItemList(LoadCustomerEventItem, 'The event register') }),
  answerName: 'LoadCustomerEventsExtAnswer',
  answer: Type.Object({
    errors: Type.Array(Type.Object({}), { maxItems: 0, description: 'Always empty on success: a bad item fails the command (HTTP 400, wrongData)' }),
    ...SUCCESS_ENVELOPE,
    commandId: Type.String({ description: 'Follow step 2 with getEventOperation by this commandId', example: COMMAND_ID_EXAMPLE }),
  }, { additionalProperties: false }),
  example: {
    request: SEED_EXAMPLES.loadCustomerEventsExt.request,
    answer: { ...SEED_EXAMPLES.loadCustomerEventsExt.responses.success, commandId: COMMAND_ID_EXAMPLE },
  },
});

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
