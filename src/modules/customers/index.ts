export { commandAccrualKey } from './add-commands/customer-item-effects';
export { ADD_CUSTOMER_POINT_MESSAGE, PointMessagesService } from './add-commands/point-messages.service';
export { ADD_BONUS_EXT_QUICK, QuickBonusesService } from './add-commands/quick-bonuses.service';
export { CustomerCommandsService } from './customer-commands.service';
export { CustomersModule } from './customers.module';
export { CustomersService } from './customers.service';
export { CUSTOMER_TYPE_FIELDS } from './domain/customer-record';
