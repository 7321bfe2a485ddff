/**
 * The import rules of src/ (run by .ci/run: `npm run check:deps`).
 * A module is entered through its index.ts; the API layer sits above the modules; the modules depend
 * downwards only, in the order of MODULE_TIERS (a module imports only modules of a lower tier).
 */
const MODULE_TIERS = [
  ['customer-events'],
  ['customers'],
  ['command-runs'],
  ['bonus-accounts', 'rewards-rules', 'directories'],
  ['webhooks'],
  ['api-clients'],
];

const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });
const anyOf = (names) => `(${names.join('|')})`;

const tierRules = MODULE_TIERS.map((tier, i) => forbid(
  `module-direction-${tier.join('-')}`,
  `${tier.join(', ')} may import only modules of a lower tier: ${MODULE_TIERS.slice(i + 1).flat().join(', ') || 'none'}`,
  { path: `^src/modules/${anyOf(tier)}/` },
  { path: `^src/modules/${anyOf(MODULE_TIERS.slice(0, i + 1).flat())}/`, pathNot: '^src/modules/$1/' },
));

module.exports = {
  forbidden: [
    forbid(
      'no-deep-module-import',
      'Another module is entered through its index.ts, never through a file inside it',
      { path: '^src/modules/([^/]+)/' },
      { path: '^src/modules/[^/]+/.', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    ),
    forbid(
      'no-deep-module-import-from-outside',
      'Code outside src/modules enters a module through its index.ts (the metrics instrument, which the modules ' +
        'themselves use, names the event states of the register)',
      { path: '^src/', pathNot: ['^src/modules/', '^src/metrics/engine-metrics\\.ts$'] },
      { path: '^src/modules/[^/]+/.', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    ),
    forbid('no-modules-to-apis', 'The modules never know the API layer that sits above them', { path: '^src/modules/' }, { path: '^src/apis/' }),
    forbid(
      'no-apis-to-each-other',
      'The two wire protocols do not share code with each other',
      { path: '^src/apis/([^/]+)/' },
      { path: '^src/apis/[^/]+/', pathNot: '^src/apis/$1/' },
    ),
    forbid(
      'foundations-stay-below',
      'common, config and database serve the modules and never import them, the APIs or the app',
      { path: '^src/(common|config|database)/' },
      { path: '^src/(modules|apis|health|tools|metrics|queue-board)/|^src/[^/]+\\.ts$' },
    ),
    forbid('common-below-database', 'common and config do not import database', { path: '^src/(common|config)/' }, { path: '^src/database/' }),
    ...tierRules,
    forbid('no-circular', 'No import circles', {}, { circular: true }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
