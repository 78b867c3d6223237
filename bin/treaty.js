#!/usr/bin/env node
// Tiny on purpose, and CommonJS (bin/package.json says so): Node starts CommonJS faster than an ES
// module, and the CLI itself is a CommonJS bundle.
require('../dist/cli.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
