import { ApiClientEntity } from '../modules/api-clients/entities/api-client.entity';
import { CrmTokenEntity } from '../modules/api-clients/entities/crm-token.entity';
import { BonusAccountEntity } from '../modules/bonus-accounts/entities/bonus-account.entity';
import { BonusOperationEntity } from '../modules/bonus-accounts/entities/bonus-operation.entity';
import { CommandEventIdEntity } from '../modules/command-runs/entities/command-event-id.entity';
import { CommandItemEntity } from '../modules/command-runs/entities/command-item.entity';
import { CommandLockEntity } from '../modules/command-runs/entities/command-lock.entity';
import { CommandRunEntity } from '../modules/command-runs/entities/command-run.entity';
import { CustomerEventEntity } from '../modules/customer-events/entities/customer-event.entity';
import { AccessTokenEntity } from '../modules/customers/entities/access-token.entity';
import { CustomerMessageEntity } from '../modules/customers/entities/customer-message.entity';
import { CustomerEntity } from '../modules/customers/entities/customer.entity';
import { DirectoryEntryEntity } from '../modules/directories/entities/directory-entry.entity';
import { DirectoryPolicyEntity } from '../modules/directories/entities/directory-policy.entity';
import { RewardRuleEntity } from '../modules/rewards-rules/entities/reward-rule.entity';
import { RuleUsageEntity } from '../modules/rewards-rules/entities/rule-usage.entity';

export const ENTITIES = [
  ApiClientEntity, CrmTokenEntity, DirectoryEntryEntity, DirectoryPolicyEntity, CustomerEntity, AccessTokenEntity,
  CustomerMessageEntity, BonusAccountEntity, BonusOperationEntity, RewardRuleEntity, RuleUsageEntity,
  CustomerEventEntity, CommandRunEntity, CommandItemEntity, CommandLockEntity, CommandEventIdEntity,
];
