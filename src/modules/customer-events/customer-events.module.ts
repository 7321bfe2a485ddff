import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerEventEntity } from './entities/customer-event.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEventEntity])],
  providers: [],
  exports: [],
})
export class CustomerEventsModule {}
