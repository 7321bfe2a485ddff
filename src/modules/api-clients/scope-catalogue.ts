import { Injectable } from '@nestjs/common';

/** The integrator operations a scope may name; each wire API registers its own at start-up. */
@Injectable()
export class ScopeCatalogue {
  private readonly known = new Set<string>();

  register(operations: readonly string[]): void {
    for (const operation of operations) this.known.add(operation);
  }

  get operations(): ReadonlySet<string> {
    return this.known;
  }
}
