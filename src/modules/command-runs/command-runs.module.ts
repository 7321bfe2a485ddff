import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandItemEntity } from './entities/command-item.entity';
import { CommandLockEntity } from './entities/command-lock.entity';
import { CommandRunEntity } from './entities/command-run.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CommandRunEntity, CommandItemEntity, CommandLockEntity])],
  providers: [],
  exports: [],
})
export class CommandRunsModule {}
