/** One bad item of a Command API command, as the answer lists it; `eventId` names the item where the command has one. */
export interface CommandItemError {
  eventId?: string | null;
  typeOfError: 'wrongParam';
  description: string;
}
