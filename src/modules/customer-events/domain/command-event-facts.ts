import { EventFacts } from '../../rewards-rules';
import { CommandEvent } from '../command-event';

/** What the rules see of a loadCustomerEventsExt event. */
export function commandEventFacts(event: CommandEvent): EventFacts {
  const facts: EventFacts = {
    eventType: event.eventType,
    operationType: event.operationType,
    performedOn: event.performedOn.toISOString(),
    amount: event.baseAmount,
    merchant: event.merchant,
    terminal: event.terminal,
  };
  if (event.customerEvent) facts.customerEvent = event.customerEvent;
  if (event.bankEvent) facts.bankEvent = event.bankEvent;
  for (const [field, value] of Object.entries(event.customerTypes)) if (value) facts[field as keyof typeof event.customerTypes] = value;
  return facts;
}

/** The directory values a command event initialises (seed 000 step 1.1.3), with the error a closed kind gives. */
export const COMMAND_DIRECTORY_FIELDS = [
  { kind: 'merchant', pick: (e: CommandEvent) => e.merchant, unknown: 'Unknown merchant' },
  { kind: 'terminal', pick: (e: CommandEvent) => e.terminal, unknown: 'Unknown terminal' },
  { kind: 'customerEvent', pick: (e: CommandEvent) => e.customerEvent, unknown: 'Unknown customer event' },
  { kind: 'bankEvent', pick: (e: CommandEvent) => e.bankEvent, unknown: 'Unknown bank event' },
  { kind: 'customerType1', pick: (e: CommandEvent) => e.customerTypes.customerType1, unknown: 'Unknown customer type' },
  { kind: 'customerType2', pick: (e: CommandEvent) => e.customerTypes.customerType2, unknown: 'Unknown customer type' },
  { kind: 'customerType3', pick: (e: CommandEvent) => e.customerTypes.customerType3, unknown: 'Unknown customer type' },
  { kind: 'customerType4', pick: (e: CommandEvent) => e.customerTypes.customerType4, unknown: 'Unknown customer type' },
  { kind: 'customerType5', pick: (e: CommandEvent) => e.customerTypes.customerType5, unknown: 'Unknown customer type' },
] as const;
