import { InitialSchema1732300000000 } from './1732300000000-InitialSchema';
import { WidenRuleUsagePeriod1732300000470 } from './1732300000470-WidenRuleUsagePeriod';
import { OperationExternalEventId1732300003100 } from './1732300003100-OperationExternalEventId';
import { UnambiguousExternalSystemKeys1732300009100 } from './1732300009100-UnambiguousExternalSystemKeys';
import { CommandEventIds1732300009200 } from './1732300009200-CommandEventIds';
import { ApiClientScopes1732300010100 } from './1732300010100-ApiClientScopes';
import { EnvironmentAdminKey1732300010200 } from './1732300010200-EnvironmentAdminKey';
import { ScryptPassCodes1732300010300 } from './1732300010300-ScryptPassCodes';
import { ClientRateLimit1732300015100 } from './1732300015100-ClientRateLimit';
import { LiveLotOrder1732300016700 } from './1732300016700-LiveLotOrder';
import { Webhooks1732300016800 } from './1732300016800-Webhooks';
import { WebhookBatchOrder1732300016900 } from './1732300016900-WebhookBatchOrder';
import { DropSupersededLotIndex1732300017000 } from './1732300017000-DropSupersededLotIndex';
import { BudgetShares1732300017100 } from './1732300017100-BudgetShares';

/** Listed explicitly so the same list works from ts-node, the compiled app and jest. */
export const MIGRATIONS = [
  InitialSchema1732300000000,
  WidenRuleUsagePeriod1732300000470,
  OperationExternalEventId1732300003100,
  UnambiguousExternalSystemKeys1732300009100,
  CommandEventIds1732300009200,
  ApiClientScopes1732300010100,
  EnvironmentAdminKey1732300010200,
  ScryptPassCodes1732300010300,
  ClientRateLimit1732300015100,
  LiveLotOrder1732300016700,
  Webhooks1732300016800,
  WebhookBatchOrder1732300016900,
  DropSupersededLotIndex1732300017000,
  BudgetShares1732300017100,
];
