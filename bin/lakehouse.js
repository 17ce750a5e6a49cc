#!/usr/bin/env node
// Entry of the `lakehouse` command: runs the compiled CLI (built by `npm run build`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
