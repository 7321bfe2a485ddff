import { TProperties, Type } from '@sinclair/typebox';
import { StringEnum } from '../../../common/wire/openapi-types';

/** The request of one command: its own `typeOfCommand` (a one-value enum, the discriminator) and its fields. */
export function commandRequest<const N extends string, P extends TProperties>(name: N, fields: P, description?: string) {
  return Type.Object({ typeOfCommand: StringEnum([name] as const, { description: 'The command' }), ...fields }, description ? { description } : {});
}
