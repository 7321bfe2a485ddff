import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config';
import { inTransaction } from '../../database/transaction';
import { ApiKeyCache } from './api-key-cache';
import { hashSecret, newSecret } from './api-key-hash';
import { clientNotFound, invalidToken, unknownScopes } from './api-clients.errors';
import { AuthenticatedClient } from './authenticated-client';
import { DEFAULT_SCOPES, unknownScopes as findUnknownScopes } from './domain/client-scopes';
import { ApiClientDto, CreatedApiClientDto, CreateApiClientDto, UpdateApiClientDto } from './dto/create-api-client.dto';
import { ApiClientEntity } from './entities/api-client.entity';
import { CrmTokenEntity } from './entities/crm-token.entity';
import { ScopeCatalogue } from './scope-catalogue';

@Injectable()
export class ApiClientsService {
  private readonly logger = new Logger(ApiClientsService.name);

  constructor(
    @InjectRepository(ApiClientEntity) private readonly clients: Repository<ApiClientEntity>,
    @InjectRepository(CrmTokenEntity) private readonly tokens: Repository<CrmTokenEntity>,
    private readonly config: AppConfig,
    private readonly catalogue: ScopeCatalogue,
    private readonly keyCache: ApiKeyCache,
  ) {}

  /**
   * Makes ADMIN_API_KEY the one environment-provided admin key: registers (or reactivates) its
   * client and deactivates the client of any previous value of the variable.
   */
  async ensureAdminClient(): Promise<void> {
    const key = this.config.adminApiKey;
    const keyHash = hashSecret(key);
    const revoked = await inTransaction(this.clients.manager.connection, async (manager) => {
      await manager.query(
        `INSERT INTO api_clients (name, role, scopes, key_hash, key_prefix, active, from_environment) VALUES ('admin', 'admin', ?, ?, ?, 1, 1)
         ON DUPLICATE KEY UPDATE active = 1, from_environment = 1`,
        [JSON.stringify(DEFAULT_SCOPES), keyHash, key.slice(0, 6)],
      );
      const result: { affectedRows: number } = await manager.query(
        'UPDATE api_clients SET active = 0, from_environment = 0 WHERE from_environment = 1 AND key_hash <> ?',
        [keyHash],
      );
      return result.affectedRows;
    });
    if (revoked > 0) {
      await this.keyCache.changed();
      this.logger.log({ revoked }, 'ADMIN_API_KEY changed: the previous admin key is revoked');
    }
  }

  async create(dto: CreateApiClientDto): Promise<CreatedApiClientDto> {
    const scopes = this.checkedScopes(dto.scopes ?? DEFAULT_SCOPES);
    const apiKey = newSecret('be_');
    const saved = await this.clients.save(
      this.clients.create({ name: dto.name, role: dto.role, scopes, keyHash: hashSecret(apiKey), keyPrefix: apiKey.slice(0, 6), active: true, fromEnvironment: false }),
    );
    this.logger.log({ clientId: saved.id, role: saved.role }, 'API client created');
    return { ...toDto(saved), apiKey };
  }

  async list(): Promise<ApiClientDto[]> {
    return (await this.clients.find({ where: { active: true }, order: { id: 'ASC' } })).map(toDto);
  }

  /** Replaces the client's scopes; its keys and tokens see them on their next call. */
  async update(id: string, dto: UpdateApiClientDto): Promise<ApiClientDto> {
    const scopes = this.checkedScopes(dto.scopes);
    const result = await this.clients.update({ id, active: true }, { scopes });
    if (!result.affected) throw clientNotFound(id);
    await this.keyCache.changed();
    this.logger.log({ clientId: id, scopes }, 'API client scopes changed');
    return toDto(await this.clients.findOneByOrFail({ id }));
  }

  /** Deactivates the client (its events keep their reference) and revokes its tokens. */
  async remove(id: string): Promise<void> {
    const result = await this.clients.update({ id, active: true }, { active: false });
    if (!result.affected) throw clientNotFound(id);
    await this.tokens.delete({ clientId: id });
    await this.keyCache.changed();
  }

  /** Sets the client's own request limit (null: back to the default); effective within seconds everywhere. */
  async setRateLimit(id: string, rateLimit: number | null): Promise<ApiClientDto> {
    const result = await this.clients.update({ id, active: true }, { rateLimit });
    if (!result.affected) throw clientNotFound(id);
    await this.keyCache.changed();
    this.logger.log({ clientId: id, rateLimit }, 'API client rate limit set');
    return toDto(await this.clients.findOneByOrFail({ id }));
  }

  async authenticateKey(apiKey: string | undefined): Promise<AuthenticatedClient | null> {
    if (!apiKey) return null;
    const keyHash = hashSecret(apiKey);
    const cached = this.keyCache.get(keyHash);
    if (cached !== undefined) return cached;
    const readAt = this.keyCache.current;
    const row = await this.clients.findOne({ where: { keyHash, active: true } });
    const client = row ? { id: row.id, name: row.name, role: row.role, scopes: row.scopes, rateLimit: row.rateLimit } : null;
    this.keyCache.set(keyHash, client, readAt);
    return client;
  }

  /** CRM login: exchanges an integrator's API key for a token that expires after TOKEN_TTL_SECONDS. */
  async issueToken(apiKey: string | undefined): Promise<{ token: string; expiresAt: Date }> {
    const client = await this.authenticateKey(apiKey);
    if (!client || client.role !== 'integrator') throw invalidToken();
    const token = newSecret('');
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    await this.tokens.insert({ tokenHash: hashSecret(token), clientId: client.id, expiresAt });
    return { token, expiresAt };
  }

  /** A CRM login token of an active integrator client. */
  async authenticateToken(token: string | undefined): Promise<AuthenticatedClient | null> {
    if (!token) return null;
    const row = await this.tokens
      .createQueryBuilder('t')
      .innerJoin(ApiClientEntity, 'c', "c.id = t.client_id AND c.active = 1 AND c.role = 'integrator'")
      .select(['c.id AS id', 'c.name AS name', 'c.role AS role', 'c.scopes AS scopes', 'c.rate_limit AS rateLimit'])
      .where('t.token_hash = :hash AND t.expires_at > :now', { hash: hashSecret(token), now: new Date() })
      .getRawOne<Omit<AuthenticatedClient, 'scopes'> & { scopes: string | string[] }>();
    if (!row) return null;
    return { ...row, scopes: typeof row.scopes === 'string' ? JSON.parse(row.scopes) : row.scopes };
  }

  private checkedScopes(scopes: readonly string[]): string[] {
    const unknown = findUnknownScopes(scopes, this.catalogue.operations);
    if (unknown.length > 0) throw unknownScopes(unknown);
    return [...new Set(scopes)];
  }
}

function toDto(entity: ApiClientEntity): ApiClientDto {
  return {
    id: entity.id, name: entity.name, role: entity.role, scopes: entity.scopes, keyPrefix: entity.keyPrefix, active: entity.active,
    rateLimit: entity.rateLimit, createdAt: entity.createdAt,
  };
}
