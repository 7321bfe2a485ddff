import { Injectable } from '@nestjs/common';
import { DirectoriesService, DirectoryEntryEntity, DirectoryIdentifier, DirectoryKind } from '../../modules/directories';
import { DirectoryRef } from './domain/crm-identifiers';

/**
 * Resolves the directory references of a whole CRM call: distinct values grouped by kind, one
 * DirectoriesService look-up per kind (itself one `IN` query per identifier field used). The CRM
 * API never registers unknown values: they resolve to null. Answer aligned with `refs`.
 */
@Injectable()
export class DirectoryResolver {
  constructor(private readonly directories: DirectoriesService) {}

  async resolve(refs: readonly DirectoryRef[]): Promise<Array<DirectoryEntryEntity | null>> {
    const byKind = new Map<DirectoryKind, Map<string, DirectoryIdentifier>>();
    for (const ref of refs) {
      // Entry ids are BIGINT: MySQL would read '12abc' as 12, so a non-numeric id matches nothing.
      if (ref.field === 'id' && !/^\d{1,19}$/.test(ref.value)) continue;
      let identifiers = byKind.get(ref.kind);
      if (!identifiers) byKind.set(ref.kind, (identifiers = new Map()));
      identifiers.set(keyOf(ref.field, ref.value), { [ref.field]: ref.value });
    }
    const found = new Map<string, DirectoryEntryEntity | null>();
    await Promise.all(
      [...byKind].map(async ([kind, identifiers]) => {
        const keys = [...identifiers.keys()];
        const entries = await this.directories.resolveIdentifiers(kind, [...identifiers.values()]);
        keys.forEach((key, i) => found.set(`${kind}\u0000${key}`, entries[i]));
      }),
    );
    return refs.map((ref) => found.get(`${ref.kind}\u0000${keyOf(ref.field, ref.value)}`) ?? null);
  }
}

function keyOf(field: string, value: string): string {
  return `${field}\u0000${value}`;
}
