/** The CRM.COM success envelope. */
export function crmOk<T>(data: T): { data: T; status: { code: 'OK'; description: ''; message: '' } } {
  return { data, status: { code: 'OK', description: '', message: '' } };
}
