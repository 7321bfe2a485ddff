export { CommandEventsService, itemErrorsFailure, LOAD_CUSTOMER_EVENTS_EXT } from './command-events.service';
export { CustomerEventsProcessorsModule } from './customer-events-processors.module';
export { CustomerEventsModule } from './customer-events.module';
export { EventOperationsService } from './event-operations.service';
export { EventRegisterService } from './event-register.service';
export type { NewCustomerEvent, RegisteredEvent } from './event-register.types';
export { validateCommandEvent } from './domain/load-customer-events-ext.validation';
export type { CommandEvent, ItemError } from './domain/load-customer-events-ext.validation';
