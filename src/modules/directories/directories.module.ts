import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoriesController } from './directories.controller';
import { DirectoriesService } from './directories.service';
import { DirectoryEntryEntity } from './entities/directory-entry.entity';
import { DirectoryPolicyEntity } from './entities/directory-policy.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DirectoryEntryEntity, DirectoryPolicyEntity])],
  controllers: [DirectoriesController],
  providers: [DirectoriesService],
  exports: [DirectoriesService],
})
export class DirectoriesModule {}
