/**
 * The document's `info.description`: what the engine is and the order of an admin's first steps, each naming
 * its operation (operationId, linked to it in Swagger UI), so that a programme can be set up from /docs alone.
 */

/** A link to an operation in Swagger UI (deep linking on): `#/<tag>/<operationId>`. */
const op = (tag: string, operationId: string, label: string) =>
  `[${label}](#/${encodeURIComponent(tag)}/${operationId}) (\`${operationId}\`)`;
const tag = (name: string) => `[${name}](#/${encodeURIComponent(name)})`;

const CLIENTS = 'Admin: API clients';
const DIRECTORIES = 'Admin: directories';
const CUSTOMERS = 'Admin: customers';
const ACCOUNTS = 'Admin: bonus accounts';
const RULES = 'Admin: reward rules';
const EVENTS = 'Admin: events';

export const GETTING_STARTED = `Loyalty and bonus-points engine: one points ledger behind three HTTP APIs.

* **Command API** — \`POST /api/commands\` with an integrator's \`X-Api-Key\`; the body's \`typeOfCommand\` names the command.
* **CRM API** (CRM.COM-compatible) — \`POST /crm/login\` exchanges an integrator's API key for a token, sent as body field
  \`token\`, \`Authorization: Bearer\` or header \`api_key\`; the single purchase takes the API key itself in header \`api_key\`.
* **Admin API** — everything under \`/admin\`, with the \`X-Api-Key\` of an admin client (refused anywhere else).

Errors come in the envelope of their API: \`CommandApiError\`, \`CrmApiError\`, \`AdminApiError\` (also used by health,
metrics and the bonus window). Points and amounts are decimal strings.

## Getting started

Follow these steps in order; each names the operation to call, and its link opens that operation here.

1. **Admin key.** The engine creates an admin client from its \`ADMIN_API_KEY\` setting at start-up. Press
   **Authorize** and enter that key under \`api-key\`: every admin operation below then sends it as \`X-Api-Key\`.
2. **Integrator client.** ${op(CLIENTS, 'createApiClient', 'Create an API client')} with \`role: "integrator"\`
   for each system that sends events. Its \`apiKey\` is shown **only in that answer**: hand it over now. Narrow what it
   may call with ${op(CLIENTS, 'updateApiClientScopes', 'its scopes')} and give it its own request limit with
   ${op(CLIENTS, 'setApiClientRateLimit', 'a rate limit')}.
3. **Directories.** ${op(DIRECTORIES, 'createDirectoryEntry', 'Add directory entries')} (\`kind\` in the path): the
   currencies (\`currency\`, e.g. code \`EUR\`), then the units that sell with their currency in
   \`attributes.currency\` (e.g. \`{"code": "SHOP1", "attributes": {"currency": "EUR"}}\` as a \`unit\`; a CRM purchase
   names that currency as its \`intended_currency_identifier\`), the merchants and outlets (\`businessUnit\`, an outlet
   naming its merchant in \`parentCode\`), classifications and products. Values the Command API meets first are
   registered on sight unless you ${op(DIRECTORIES, 'setDirectoryPolicy', 'close the kind')}; check a kind with
   ${op(DIRECTORIES, 'listDirectoryEntries', 'its list')}.
4. **Customers and accounts.** ${op(CUSTOMERS, 'createCustomer', 'Create each customer')}: its bonus account comes with
   it (\`accountNumber\` ACR + 10 digits, generated unless given), with access tokens (cards) when given. Find them
   again with ${op(CUSTOMERS, 'findCustomers', 'the customer search')} and open an account with
   ${op(ACCOUNTS, 'getAccount', 'its number')}. (Command API events create or update their customer on the way.)
5. **Rules.** ${op(RULES, 'createRule', 'Create the reward rules')} (e.g. 10 % of purchases at one merchant), then
   check them without writing anything: ${op(RULES, 'simulateRules', 'simulate')} an event (\`eventType\`,
   \`performedOn\`, \`amount\`, the directory codes) with an \`accountId\` and read which rules match and the points
   they would award. Change or end a rule with ${op(RULES, 'updateRule', 'its update')}.
6. **First events.** With the integrator's key, send events through the ${tag('Command API')}
   (\`loadCustomerEventsExt\`, then \`getEventOperation\` until each event is processed) or the ${tag('CRM API')}
   (\`/crm/login\`, then a bulk endpoint such as purchases). Each event is stored, then processed in the background.
   ${op(EVENTS, 'getEvent', 'Open an event')} by its id to see its state, result and ledger operations;
   ${op(EVENTS, 'requeueEvents', 'requeue')} failed ones.
7. **Balances.** Integrators read balances with the Command API's \`getBalanceCustomersExt\`; admins see the balance,
   lots and latest operations with ${op(ACCOUNTS, 'getAccount', 'the account')} and correct a balance with
   ${op(ACCOUNTS, 'adjustAccount', 'an adjustment')}. Customers see theirs in the bonus window, \`/bonus/{token}\`.
`;
