#!/usr/bin/env node
import { runCli } from './cli-app.ts';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cta-audit crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nThis is a bug in cta-audit; please report it.\n`);
    process.exitCode = 2;
  },
);
