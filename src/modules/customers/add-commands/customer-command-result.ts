/** The per-item answer of addCustomerPointMessage and addBonusExtQuick (seed 001 "AddStatus"). */
export interface AddStatus {
  login: string | null;
  guid: string | null;
  status: 'Success' | 'Failure';
  error: { typeOfError: 'wrongParam'; description: string } | null;
}

export interface AcceptedCommand {
  results: AddStatus[];
  commandId: string;
}

export const success = (login: string | null, guid: string | null): AddStatus => ({ login, guid, status: 'Success', error: null });
export const failure = (login: string | null, guid: string | null, description: string): AddStatus => ({
  login, guid, status: 'Failure', error: { typeOfError: 'wrongParam', description },
});
