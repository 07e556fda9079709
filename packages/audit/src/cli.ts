#!/usr/bin/env node
// The `cta-audit` entry point. Only syntax every Node.js can read, and nothing imported before the version check:
// on an unsupported Node the user is told which version is needed instead of getting a TypeError from deep inside.
var REQUIRED = '22.12';
var have = process.versions.node.split('.');
var need = REQUIRED.split('.');
var major = Number(have[0]);
var minor = Number(have[1]);
if (major < Number(need[0]) || (major === Number(need[0]) && minor < Number(need[1]))) {
  process.stderr.write(`cta-audit needs Node.js ${REQUIRED} or newer; this is Node.js ${have.join('.')}.\n`);
  process.exitCode = 2;
} else {
  import('./cli-app.ts')
    .then((app) => {
      var io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
      return app.runCli(process.argv.slice(2), io);
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        var detail = error instanceof Error ? error.stack || error.message : String(error);
        process.stderr.write(`cta-audit crashed: ${detail}\nThis is a bug in cta-audit; please report it.\n`);
        process.exitCode = 2;
      },
    );
}
