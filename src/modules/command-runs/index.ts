export { CommandEventIdsService } from './command-event-ids.service';
export { CommandLocksService } from './command-locks.service';
export { DUPLICATE_EVENT_ID } from './command-runs.errors';
export { CommandRunsProcessorsModule } from './command-runs-processors.module';
export { CommandRunsModule } from './command-runs.module';
export { CommandRunsService } from './command-runs.service';
export { ADD_CUSTOMER_POINT_MESSAGE, PointMessagesService } from './point-messages.service';
export { ADD_BONUS_EXT_QUICK, QuickBonusesService } from './quick-bonuses.service';
