// Layer rules (see STYLE.md): the domain stays pure so it runs unchanged in the API,
// the worker and the Temporal workflow sandbox; workflows stay deterministic; the two apps
// share code only through libs/ and workflow messages, never through each other or tooling.
// Run: npx depcruise libs workflows apps --config .dependency-cruiser.js
const SPEC = '\\.(e2e-)?spec\\.ts$';
const DOMAIN = '^libs/domain/';
const NODE_MODULES = '(^|/)node_modules/';
const DOMAIN_PACKAGES = `${NODE_MODULES}(zod|xstate|libphonenumber-js)/`;
// The OpenTelemetry interceptors are built for the sandbox (workflows/src/observability).
const WORKFLOW_PACKAGES = `${NODE_MODULES}(@temporalio/(workflow|common|interceptors-opentelemetry)|@opentelemetry/api|xstate|zod|libphonenumber-js)/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-no-node-builtins',
      comment: 'libs/domain is pure: no fs, crypto, Buffer... It must run inside the workflow sandbox.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: SPEC },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-only-allowed-packages',
      comment: 'libs/domain may use only zod, xstate and libphonenumber-js (and their subpaths).',
      severity: 'error',
      from: { path: DOMAIN, pathNot: SPEC },
      to: { dependencyTypesNot: ['core'], path: NODE_MODULES, pathNot: DOMAIN_PACKAGES },
    },
    {
      name: 'domain-stays-inside',
      comment: 'libs/domain must not reach into apps, workflows, infra or any other folder.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: SPEC },
      to: { dependencyTypesNot: ['core'], pathNot: `${DOMAIN}|${NODE_MODULES}` },
    },
    {
      name: 'domain-specs-only-test-tools',
      comment:
        'Domain specs may add fast-check to what the domain itself may use, and Node built-ins ' +
        '(the diagram spec reads and writes docs/machines); nothing else.',
      severity: 'error',
      from: { path: `${DOMAIN}.*${SPEC}` },
      to: { dependencyTypesNot: ['core'], pathNot: `${DOMAIN}|${DOMAIN_PACKAGES}|${NODE_MODULES}fast-check/` },
    },
    {
      name: 'workflows-no-node-builtins',
      comment: 'Workflow code runs in the deterministic sandbox, where Node built-ins do not exist.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: SPEC },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'workflows-only-allowed-dependencies',
      comment:
        'Workflows may import @temporalio/workflow, @temporalio/common, xstate, zod, libphonenumber-js, ' +
        'libs/domain (by relative path; the bundler ignores tsconfig paths) and each other.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: SPEC },
      to: { dependencyTypesNot: ['core'], pathNot: `^workflows/|${DOMAIN}|${WORKFLOW_PACKAGES}` },
    },
    {
      name: 'api-not-worker',
      comment: 'apps/api and apps/worker are separate processes: shared code goes in libs/ or workflows/.',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'worker-not-api',
      comment: 'apps/worker and apps/api are separate processes: shared code goes in libs/ or workflows/.',
      severity: 'error',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'apps-not-tooling',
      comment: 'Shipped code must not depend on scripts/, bench/ or test/: those are not deployed.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^(scripts|bench|test)/' },
    },
    {
      name: 'apps-no-workflow-bodies',
      comment:
        'Apps use workflows through their messages and activity contracts; the worker loads the bodies ' +
        'by path through the bundler, so importing one would pull sandbox code into Node.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^workflows/src/(index|.*\\.workflow)\\.ts$' },
    },
    {
      name: 'infra-not-apps-or-tooling',
      comment: 'libs/infra serves both apps, so it must not reach into either, nor into scripts/, bench/ or test/.',
      severity: 'error',
      from: { path: '^libs/infra/', pathNot: SPEC },
      to: { path: '^(apps|scripts|bench|test)/' },
    },
    {
      name: 'cabinet-only-through-the-contract',
      comment:
        'apps/cabinet is a reference client of the REST API: it knows the API only by the types generated ' +
        'from the OpenAPI document, never by importing apps/api, libs/infra or workflows. The one exception is ' +
        "the domain's pure password check, so the live rule feedback is the rule itself, not a copy.",
      severity: 'error',
      from: { path: '^apps/cabinet/' },
      // Until check-openapi.sh has generated them, the contract's types are an unresolved import.
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: `^apps/cabinet/|^libs/domain/src/password-policy\\.ts$|${NODE_MODULES}(react|react-dom|scheduler|openapi-fetch|vite|zod)/|examples/api-client/generated/openapi$`,
      },
    },
    {
      name: 'cabinet-types-only-from-the-contract',
      comment: 'The cabinet imports types from its own files and the generated OpenAPI client only.',
      severity: 'error',
      from: { path: '^apps/cabinet/' },
      to: { dependencyTypes: ['type-only'], pathNot: `^apps/cabinet/|^examples/api-client/generated/|${NODE_MODULES}` },
    },
    {
      name: 'nothing-imports-the-cabinet',
      comment: 'The services do not depend on their reference client.',
      severity: 'error',
      from: { path: '^(libs|workflows|apps/(api|worker))/' },
      to: { path: '^apps/cabinet/' },
    },
    {
      name: 'no-unresolvable',
      comment:
        'An import that cannot be resolved cannot be checked against the rules above. The one exception: ' +
        "the cabinet's generated OpenAPI types, which scripts/check-openapi.sh writes (the cabinet's own tsc checks them).",
      severity: 'error',
      from: { path: `^libs/|^workflows/|^apps/` },
      to: { couldNotResolve: true, pathNot: 'examples/api-client/generated/openapi$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.tools|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
