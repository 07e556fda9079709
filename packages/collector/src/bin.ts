#!/usr/bin/env node
// The `cta-collect` entry point. Only syntax every Node.js can read, and nothing imported before the version
// check: on an unsupported Node the user is told which version is needed instead of getting an error from deep
// inside (node:sqlite, for one, does not exist there). The CLI itself is cli.ts.
var REQUIRED = '22.13';
var have = process.versions.node.split('.');
var need = REQUIRED.split('.');
var major = Number(have[0]);
var minor = Number(have[1]);
if (major < Number(need[0]) || (major === Number(need[0]) && minor < Number(need[1]))) {
  process.stderr.write(`cta-collect needs Node.js ${REQUIRED} or newer; this is Node.js ${have.join('.')}.\n`);
  process.exitCode = 2;
} else {
  import('./cli.ts');
}
