#!/usr/bin/env node
// The `paydesk` command. Paydesk runs its TypeScript sources through tsx's loader, so there is no
// build step between `npm install` and `npx paydesk …`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);
