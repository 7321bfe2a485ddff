import { Module } from '@nestjs/common';
import { QueueEventsLogger } from './queue-events-logger';

@Module({ providers: [QueueEventsLogger] })
export class QueueLoggingModule {}
