import * as fs from 'fs';
import * as path from 'path';

/**
 * "A module reads and writes only its own tables and asks the owner for the rest" (README, Module
 * boundaries), checked in the SQL of every module: a table belongs to the module whose entity
 * names it, and a statement of another module may name it only where the README says why.
 */
const MODULES = path.join(__dirname);

/** Tables created by migrations without an entity class. */
const WITHOUT_ENTITY: Record<string, string> = {
  webhook_messages: 'webhooks',
  webhook_subscriptions: 'webhooks',
  expiry_notices: 'bonus-accounts',
};

/**
 * The crossings the README names, all from `bonus-accounts`, which sits below `customers` and
 * cannot ask it: the holder's status locked with the account, the admin account view's status,
 * the holder's GUID in points.expiring, and the CRM account look-up by access token.
 */
const ALLOWED: Record<string, string[]> = {
  'bonus-accounts/ledger-store.ts': ['customers'],
  'bonus-accounts/bonus-accounts.service.ts': ['customers'],
  'bonus-accounts/expiry-notices.service.ts': ['customers'],
  'bonus-accounts/account-lookup.service.ts': ['access_tokens'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

function owners(): Map<string, string> {
  const owner = new Map(Object.entries(WITHOUT_ENTITY));
  for (const file of sourceFiles(MODULES).filter((f) => f.endsWith('.entity.ts'))) {
    const table = /@Entity\('(\w+)'/.exec(fs.readFileSync(file, 'utf8'))?.[1];
    if (table) owner.set(table, path.relative(MODULES, file).split(path.sep)[0]);
  }
  return owner;
}

/** Tables named after FROM, JOIN, INTO or UPDATE in the file's string literals (comments are not SQL). */
function tablesNamed(source: string): string[] {
  const literals = source.match(/`(?:[^`\\]|\\.)*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g) ?? [];
  return literals.flatMap((literal) => [...literal.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+`?(\w+)`?/g)].map((m) => m[1]));
}

describe('table ownership', () => {
  const owner = owners();
  const modules = fs.readdirSync(MODULES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it('knows the owner of every table the migrations create', () => {
    const migrations = path.join(__dirname, '..', 'database', 'migrations');
    const created = fs.readdirSync(migrations).flatMap((f) =>
      [...fs.readFileSync(path.join(migrations, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?`?(\w+)`?/g)].map((m) => m[1]));
    expect(created.length).toBeGreaterThan(10);
    expect([...new Set(created)].filter((t) => t !== 'migrations' && !owner.has(t))).toEqual([]);
  });

  it.each(modules)('%s names in its SQL only its own tables and the crossings the README names', (module) => {
    const crossings = sourceFiles(path.join(MODULES, module)).flatMap((file) => {
      const relative = path.relative(MODULES, file).split(path.sep).join('/');
      const allowed = ALLOWED[relative] ?? [];
      return [...new Set(tablesNamed(fs.readFileSync(file, 'utf8')))]
        .filter((table) => owner.has(table) && owner.get(table) !== module && !allowed.includes(table))
        .map((table) => `${relative}: ${table} (${owner.get(table)})`);
    });
    expect(crossings).toEqual([]);
  });
});
