export { DirectoriesModule } from './directories.module';
export { DirectoriesService, entryKey } from './directories.service';
export type { DirectoryIdentifier, DirectoryKind } from './directory-kinds';
export { DirectoryEntryEntity } from './entities/directory-entry.entity';
