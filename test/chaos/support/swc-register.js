// Lets a plain `node` child process run the TypeScript sources, compiled on load by
// @swc/core with the same settings jest uses (jest.swc.json): decorators and their
// metadata included, no type check. The chaos specs start the real worker this way,
// as a process they can SIGKILL, without a prior `npm run build`.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..', '..');
const config = JSON.parse(readFileSync(join(root, 'jest.swc.json'), 'utf8'));
// swc rewrites the package aliases (`@domain/*`…, tsconfig.paths.json) to relative paths as it compiles.
config.jsc.baseUrl = root;
config.jsc.paths = JSON.parse(readFileSync(join(root, 'tsconfig.paths.json'), 'utf8')).compilerOptions.paths;

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...config, filename, swcrc: false });
  module._compile(code, filename);
};
