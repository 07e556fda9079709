// `npm run check:packages` (after `npm run build:packages`): what every workspace would publish, checked the way
// a registry user meets it. For each package: every package its shipped files import is declared; its tarball holds
// no test, bench or test-helper code; publint finds
// nothing (exports, files, types); @arethetypeswrong/cli resolves every entry point's types as ESM.
// Prints one line per package and exits non-zero on any problem.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Workspace name -> folder. */
const workspaces = {
  '@astro-cta/contract': 'packages/contract',
  '@astro-cta/stats': 'packages/stats',
  '@astro-cta/audit': 'packages/audit',
  '@astro-cta/beacon': 'packages/beacon',
  '@astro-cta/collector': 'packages/collector',
  'astro-cta': 'packages/astro-cta',
};
/** Files that must never reach a user's node_modules. */
const NOT_SHIPPED = /(?:\.test\.|\.bench\.|\/bench-|test-helpers|__fixtures__|\/fixtures\/)/;
/**
 * astro-cta's `./components` entry is Astro source (`.astro` files re-exported from a `.ts` index), compiled by
 * Astro's Vite plugin in the user's build; plain TypeScript module resolution cannot follow `.astro` imports, so
 * attw reports an "internal resolution error" there by design. Every other entry point must be clean.
 */
const ATTW_EXCLUDED = { 'astro-cta': ['./components'] };

/** Bare specifiers imported by a shipped file (static, dynamic and side-effect imports; not type-only ones). */
function importedPackages(code) {
  const names = new Set();
  const specifiers =
    /(?:^|[^\w.])(?:import|export)\s*(?!type\b)(?:[\w$*{},\s]*?\bfrom\s*)?['"]([@\w][\w./@-]*)['"]|\bimport\(\s*['"]([@\w][\w./@-]*)['"]\s*\)/g;
  for (const [, a, b] of code.matchAll(specifiers)) {
    const specifier = a ?? b;
    if (!specifier || specifier.startsWith('node:') || specifier.includes('${')) continue;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    if (!builtinModules.includes(name)) names.add(name);
  }
  return names;
}

/** Imports of shipped files that the package.json does not declare (works only through hoisting). */
function undeclaredImports(folder, files) {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const declared = new Set([manifest.name, ...Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })]);
  const missing = new Map();
  for (const file of files.filter((file) => /\.(?:m?js|ts|astro)$/.test(file) && !file.endsWith('.d.ts'))) {
    for (const name of importedPackages(readFileSync(path.join(folder, file), 'utf8'))) {
      if (!declared.has(name)) missing.set(name, file);
    }
  }
  return [...missing].map(([name, file]) => `${name} (imported by ${file})`);
}

const bin = (name) => path.join(process.cwd(), 'node_modules/.bin', name);
const out = mkdtempSync(path.join(tmpdir(), 'astro-cta-check-packages-'));
let failed = 0;
try {
  for (const [name, folder] of Object.entries(workspaces)) {
    const problems = [];
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '-w', name, '--pack-destination', out, '--json'], { encoding: 'utf8' }),
    );
    const tarball = path.join(out, packed.filename);
    const stray = packed.files.map((file) => file.path).filter((file) => NOT_SHIPPED.test(`/${file}`));
    if (stray.length)
      problems.push(`test or bench code in the tarball: ${stray.join(', ')} (exclude it in tsconfig.json / "files")`);
    const undeclared = undeclaredImports(
      folder,
      packed.files.map((file) => file.path),
    );
    if (undeclared.length) problems.push(`imports not declared in package.json: ${undeclared.join(', ')}`);
    try {
      const lint = execFileSync(bin('publint'), ['run', folder, '--strict'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (!/All good!/.test(lint)) problems.push(`publint:\n${lint}`);
    } catch (error) {
      problems.push(`publint:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
    const exclude = ATTW_EXCLUDED[name] ?? [];
    try {
      execFileSync(
        bin('attw'),
        [
          tarball,
          '--profile',
          'esm-only',
          '--format',
          'ascii',
          ...(exclude.length ? ['--exclude-entrypoints', ...exclude] : []),
        ],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
        },
      );
    } catch (error) {
      problems.push(`@arethetypeswrong/cli:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
    const size = `${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KiB packed`;
    if (problems.length) {
      failed++;
      console.log(`✗ ${name} (${size})\n  ${problems.join('\n  ')}`);
    } else
      console.log(
        `✓ ${name} (${size}): every import declared, no test/bench files, publint clean, attw clean${exclude.length ? ` (except ${exclude.join(', ')}: Astro source)` : ''}`,
      );
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(failed ? `${failed} package(s) with problems` : 'All packages are clean.');
process.exit(failed ? 1 : 0);
