import { InitialSchema1732300000000 } from './1732300000000-InitialSchema';

/** Listed explicitly so the same list works from ts-node, the compiled app and jest. */
export const MIGRATIONS = [InitialSchema1732300000000];
