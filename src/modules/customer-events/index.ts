export { CommandEventsService, LOAD_CUSTOMER_EVENTS_EXT } from './command-events.service';
export { itemErrorsFailure } from './customer-events.errors';
export { CustomerEventsProcessorsModule } from './customer-events-processors.module';
export { CustomerEventsModule } from './customer-events.module';
export { EventOperationsService } from './event-operations.service';
export { EventRegisterService } from './event-register.service';
export type { NewCustomerEvent, RegisteredEvent } from './event-register.types';
export type { CommandEvent } from './command-event';
