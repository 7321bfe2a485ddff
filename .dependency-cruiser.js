/**
 * The import rules of src/ (run by .ci/run: `npx depcruise src`).
 * A module is entered through its index.ts; the API layer sits above the modules; the modules depend
 * downwards only, in the order of MODULE_TIERS (a module imports only modules of a lower tier).
 */
const MODULE_TIERS = [
  ['customer-events'],
  ['command-runs'],
  ['customers'],
  ['bonus-accounts', 'rewards-rules', 'directories'],
  ['api-clients'],
];

const anyOf = (names) => `(${names.join('|')})`;
const tierRules = MODULE_TIERS.map((tier, i) => ({
  name: `module-direction-${tier.join('-')}`,
  comment: `${tier.join(', ')} may import only modules of a lower tier: ${MODULE_TIERS.slice(i + 1).flat().join(', ') || 'none'}`,
  severity: 'error',
  from: { path: `^src/modules/${anyOf(tier)}/` },
  to: { path: `^src/modules/${anyOf(MODULE_TIERS.slice(0, i + 1).flat())}/`, pathNot: '^src/modules/$1/' },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-deep-module-import',
      comment: "Another module is entered through its index.ts, never through a file inside it",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/.', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-deep-module-import-from-outside',
      comment: 'Code outside src/modules enters a module through its index.ts',
      severity: 'error',
      // The metrics instrument, which the modules themselves use, names the event states of the register.
      from: { path: '^src/', pathNot: ['^src/modules/', '^src/metrics/engine-metrics\\.ts$'] },
      to: { path: '^src/modules/[^/]+/.', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-modules-to-apis',
      comment: 'The modules never know the API layer that sits above them',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/apis/' },
    },
    {
      name: 'no-apis-to-each-other',
      comment: 'The two wire protocols do not share code with each other',
      severity: 'error',
      from: { path: '^src/apis/([^/]+)/' },
      to: { path: '^src/apis/[^/]+/', pathNot: '^src/apis/$1/' },
    },
    {
      name: 'foundations-stay-below',
      comment: 'common, config and database serve the modules and never import them, the APIs or the app',
      severity: 'error',
      from: { path: '^src/(common|config|database)/' },
      to: { path: '^src/(modules|apis|health|tools)/|^src/[^/]+\\.ts$' },
    },
    {
      name: 'common-below-database',
      comment: 'common and config do not import database',
      severity: 'error',
      from: { path: '^src/(common|config)/' },
      to: { path: '^src/database/' },
    },
    ...tierRules,
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
