import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { isDuplicateKeyError } from '../../common/errors';
import { DirectoryEntryEntity } from './entities/directory-entry.entity';
import { DirectoryPolicyEntity } from './entities/directory-policy.entity';
import { DirectoryIdentifier, DirectoryKind, IDENTIFIER_FIELDS, isDirectoryKind } from './directory-kinds';
import { duplicateCode, entryNotFound, parentNotFound, unknownKind } from './directories.errors';
import { CreateDirectoryEntryDto, DirectoryEntryDto, UpdateDirectoryEntryDto } from './dto/directory-entry.dto';

export interface CodeRequest {
  kind: DirectoryKind;
  codes: Iterable<string>;
}

export interface EnsuredCodes {
  /** `${kind}:${code}` → entry, for every known or newly registered value. */
  entries: Map<string, DirectoryEntryEntity>;
  /** Values of closed kinds that are not in the directory. */
  unknown: Array<{ kind: DirectoryKind; code: string }>;
}

export const entryKey = (kind: string, code: string) => `${kind}:${code}`;

@Injectable()
export class DirectoriesService {
  constructor(
    @InjectRepository(DirectoryEntryEntity) private readonly entries: Repository<DirectoryEntryEntity>,
    @InjectRepository(DirectoryPolicyEntity) private readonly policies: Repository<DirectoryPolicyEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(kind: string, dto: CreateDirectoryEntryDto): Promise<DirectoryEntryDto> {
    const k = this.checkKind(kind);
    const parentId = dto.parentCode ? await this.parentIdOf(k, dto.parentCode) : null;
    try {
      const saved = await this.entries.save(
        this.entries.create({
          kind: k, code: dto.code, name: dto.name ?? null, alternativeCode: dto.alternativeCode ?? null, parentId,
          attributes: dto.attributes ?? null,
        }),
      );
      return toDto(saved);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw duplicateCode(k, dto.code);
      throw error;
    }
  }

  async list(kind: string): Promise<DirectoryEntryDto[]> {
    const k = this.checkKind(kind);
    return (await this.entries.find({ where: { kind: k }, order: { id: 'ASC' }, take: 10000 })).map(toDto);
  }

  async update(kind: string, id: string, dto: UpdateDirectoryEntryDto): Promise<DirectoryEntryDto> {
    const k = this.checkKind(kind);
    const entry = await this.entries.findOne({ where: { kind: k, id } });
    if (!entry) throw entryNotFound(k, id);
    if (dto.code !== undefined) entry.code = dto.code;
    if (dto.name !== undefined) entry.name = dto.name;
    if (dto.alternativeCode !== undefined) entry.alternativeCode = dto.alternativeCode;
    if (dto.attributes !== undefined) entry.attributes = dto.attributes;
    if (dto.parentCode !== undefined) entry.parentId = dto.parentCode ? await this.parentIdOf(k, dto.parentCode) : null;
    try {
      return toDto(await this.entries.save(entry));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw duplicateCode(k, entry.code);
      throw error;
    }
  }

  async setPolicy(kind: string, closed: boolean): Promise<{ kind: string; closed: boolean }> {
    const k = this.checkKind(kind);
    await this.policies.upsert({ kind: k, closed }, ['kind']);
    return { kind: k, closed };
  }

  async closedKinds(): Promise<Set<string>> {
    return new Set((await this.policies.find({ where: { closed: true } })).map((p) => p.kind));
  }

  /**
   * Directory initialisation of the Command API: every requested value is looked up in one query;
   * unknown values of open kinds are registered (concurrent callers may race: INSERT IGNORE),
   * unknown values of closed kinds are returned.
   */
  async ensureCodes(requests: CodeRequest[], manager: EntityManager = this.dataSource.manager): Promise<EnsuredCodes> {
    const wanted = new Map<string, { kind: DirectoryKind; code: string }>();
    for (const { kind, codes } of requests) for (const code of codes) wanted.set(entryKey(kind, code), { kind, code });
    const result: EnsuredCodes = { entries: new Map(), unknown: [] };
    if (wanted.size === 0) return result;
    const found = await this.findByCodes(manager, [...wanted.values()]);
    for (const entry of found) result.entries.set(entryKey(entry.kind, entry.code), entry);
    const missing = [...wanted.entries()].filter(([key]) => !result.entries.has(key)).map(([, v]) => v);
    if (missing.length === 0) return result;
    const closed = await this.closedKinds();
    const toRegister = missing.filter((m) => !closed.has(m.kind));
    result.unknown = missing.filter((m) => closed.has(m.kind));
    if (toRegister.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(DirectoryEntryEntity)
        .values(toRegister.map((m) => ({ kind: m.kind, code: m.code })))
        .orIgnore()
        .updateEntity(false)
        .execute();
      for (const entry of await this.findByCodes(manager, toRegister)) result.entries.set(entryKey(entry.kind, entry.code), entry);
    }
    return result;
  }

  /**
   * Resolves CRM identifier objects of one kind in bulk, one `IN` query per identifier field used.
   * The answer is aligned with the input; `null` where nothing matches. Each identifier must already
   * name exactly one field (the caller validates that).
   */
  async resolveIdentifiers(kind: DirectoryKind, identifiers: Array<DirectoryIdentifier | undefined>): Promise<Array<DirectoryEntryEntity | null>> {
    const byField = new Map<string, Map<string, DirectoryEntryEntity>>();
    for (const field of IDENTIFIER_FIELDS) {
      const values = [...new Set(identifiers.map((i) => i?.[field]).filter((v): v is string => typeof v === 'string'))];
      if (values.length === 0) continue;
      const column = field === 'alternative_code' ? 'alternativeCode' : field;
      const rows = await this.entries.find({ where: { kind, [column]: In(values) } });
      byField.set(field, new Map(rows.map((r) => [String(r[column as keyof DirectoryEntryEntity]), r])));
    }
    return identifiers.map((identifier) => {
      if (!identifier) return null;
      for (const field of IDENTIFIER_FIELDS) {
        const value = identifier[field];
        if (typeof value === 'string') return byField.get(field)?.get(value) ?? null;
      }
      return null;
    });
  }

  async findByIds(ids: string[]): Promise<DirectoryEntryEntity[]> {
    return ids.length ? this.entries.find({ where: { id: In(ids) } }) : [];
  }

  private async findByCodes(manager: EntityManager, wanted: Array<{ kind: string; code: string }>): Promise<DirectoryEntryEntity[]> {
    const kinds = [...new Set(wanted.map((w) => w.kind))];
    const codes = [...new Set(wanted.map((w) => w.code))];
    const keys = new Set(wanted.map((w) => entryKey(w.kind, w.code)));
    const rows = await manager.find(DirectoryEntryEntity, { where: { kind: In(kinds), code: In(codes) } });
    return rows.filter((r) => keys.has(entryKey(r.kind, r.code)));
  }

  private async parentIdOf(kind: string, code: string): Promise<string> {
    const parent = await this.entries.findOne({ where: { kind, code } });
    if (!parent) throw parentNotFound(kind, code);
    return parent.id;
  }

  private checkKind(kind: string): DirectoryKind {
    if (!isDirectoryKind(kind)) throw unknownKind(kind);
    return kind;
  }
}

function toDto(e: DirectoryEntryEntity): DirectoryEntryDto {
  return { id: e.id, kind: e.kind, code: e.code, name: e.name, alternativeCode: e.alternativeCode, parentId: e.parentId, attributes: e.attributes };
}
