import { HttpClient, HttpResult } from './http-client';

export interface IntegratorClient {
  id: string;
  name: string;
  apiKey: string;
}

interface CommandAnswer {
  status: string;
  error: { typeOfError: string; description: string } | null;
  [field: string]: unknown;
}

/** The app's public APIs as the benchmark uses them: admin fixtures, the Command API and the CRM API. */
export class BenchApi {
  constructor(readonly http: HttpClient, private readonly adminKey: string) {}

  private admin(method: string, path: string, expected: number, body?: object) {
    return this.http.json<Record<string, unknown>>(method, path, expected, { headers: { 'X-Api-Key': this.adminKey }, body });
  }

  async createClient(name: string): Promise<IntegratorClient> {
    const created = await this.admin('POST', '/admin/clients', 201, { name, role: 'integrator' });
    return { id: String(created.id), name, apiKey: String(created.apiKey) };
  }

  async createEntry(kind: string, entry: Record<string, unknown>): Promise<void> {
    await this.admin('POST', `/admin/directories/${kind}`, 201, entry);
  }

  /** Subscribes a URL to webhook event types; returns the subscription id. */
  async createWebhook(url: string, events: string[]): Promise<string> {
    return String((await this.admin('POST', '/admin/webhooks', 201, { url, events })).id);
  }

  async deleteWebhook(id: string): Promise<void> {
    const res = await this.http.request('DELETE', `/admin/webhooks/${id}`, { headers: { 'X-Api-Key': this.adminKey } });
    if (res.status !== 204) throw new Error(`DELETE /admin/webhooks/${id}: HTTP ${res.status}`);
  }

  async createRule(rule: Record<string, unknown>): Promise<string> {
    return String((await this.admin('POST', '/admin/rules', 201, rule)).id);
  }

  account(number: string): Promise<HttpResult> {
    return this.http.request('GET', `/admin/accounts/${number}`, { headers: { 'X-Api-Key': this.adminKey } });
  }

  async crmLogin(apiKey: string): Promise<string> {
    const answer = await this.http.json<{ data: { token: string } }>('POST', '/crm/login', 200, { body: { api_key: apiKey } });
    return answer.data.token;
  }

  /** One bulk purchases call with a pre-serialised body. */
  bulkPurchases(token: string, body: string, startedAt?: number): Promise<HttpResult> {
    return this.http.request('POST', '/crm/customer_events/bulk/purchases/create', { headers: { Authorization: `Bearer ${token}` }, body, startedAt });
  }

  command(apiKey: string, body: string | object): Promise<HttpResult> {
    return this.http.request('POST', '/api/commands', { headers: { 'X-Api-Key': apiKey }, body });
  }

  /** A command that must succeed; returns its answer. */
  async commandOk(apiKey: string, body: string | object): Promise<CommandAnswer> {
    const res = await this.command(apiKey, body);
    const answer = JSON.parse(res.body) as CommandAnswer;
    if (res.status !== 200 || answer.status !== 'Success') throw new Error(`command failed: HTTP ${res.status} ${res.body.slice(0, 500)}`);
    return answer;
  }
}

/** The processed and unprocessed counts of a bulk answer; any unprocessed item is a harness or app defect. */
export function bulkCounts(res: HttpResult): { processed: number; unprocessed: number; firstError: string | null } {
  if (res.status !== 200) throw new Error(`bulk call: HTTP ${res.status}: ${res.body.slice(0, 500)}`);
  const data = (JSON.parse(res.body) as { data: { processed_customer_events_set: unknown[]; unprocessed_customer_events_set: Array<{ error_description: string }> } }).data;
  return {
    processed: data.processed_customer_events_set.length,
    unprocessed: data.unprocessed_customer_events_set.length,
    firstError: data.unprocessed_customer_events_set[0]?.error_description ?? null,
  };
}
