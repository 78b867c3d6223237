#!/usr/bin/env node
// Tiny on purpose: everything else is in the built bundle, loaded once.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
