import { CliError } from '../cli-error';
import { EngineHttp } from './engine-http';
import { wholeCallRejected } from './command-api';

export interface BulkAnswer {
  unprocessed: Array<{ request_unique_identifier: string | null; error_code: string; error_description: string }>;
  processed: Array<{ request_unique_identifier: string }>;
}

/** The CRM API's bulk customer events, with a login token renewed when it expires. */
export class CrmApi {
  private token: string | null = null;

  constructor(
    private readonly http: EngineHttp,
    private readonly apiKey: string,
  ) {}

  private async login(): Promise<string> {
    const answer = await this.http.post('/crm/login', { api_key: this.apiKey });
    const token = answer.body?.data?.token;
    if (answer.status !== 200 || typeof token !== 'string') throw wholeCallRejected('the CRM login', answer);
    this.token = token;
    return token;
  }

  /** `POST /crm/customer_events/bulk/{path}/create`; safe to resend when every item carries an external reference. */
  async createBulk(path: string, setName: string, items: unknown[]): Promise<BulkAnswer> {
    for (let renewed = false; ; renewed = true) {
      const token = this.token ?? (await this.login());
      const answer = await this.http.post(`/crm/customer_events/bulk/${path}/create`, { [setName]: items }, { headers: { Authorization: `Bearer ${token}` } });
      if (answer.status === 401 && !renewed) {
        this.token = null;
        continue;
      }
      const data = answer.body?.data;
      if (answer.status !== 200 || !data) throw wholeCallRejected(`the bulk ${path} call`, answer);
      if (!Array.isArray(data.unprocessed_customer_events_set) || !Array.isArray(data.processed_customer_events_set)) {
        throw new CliError(`The engine answered the bulk ${path} call in an unexpected form`);
      }
      return { unprocessed: data.unprocessed_customer_events_set, processed: data.processed_customer_events_set };
    }
  }
}
