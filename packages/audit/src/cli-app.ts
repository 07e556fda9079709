import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cac } from 'cac';
import { BaselineError } from './baseline.ts';
import {
  AuditConfigError,
  type AuditConfigInput,
  FAIL_ON,
  PRESETS,
  REPORT_FORMATS,
  type ReportFormat,
  resolveAuditConfig,
} from './config.ts';
import { frontmatterReader } from './frontmatter.ts';
import { formatReport } from './reporters/index.ts';
import { summary } from './reporters/pretty.ts';
import { printable } from './reporters/printable.ts';
import { runConfiguredAudit } from './run.ts';
import { describeFsError } from './site.ts';
import { guessSourcesFromPages } from './sources.ts';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A mistake in how the CLI was called or configured: exit code 2 with this message. */
class UsageError extends Error {}

const CONFIG_FILES = ['cta-audit.config.json', 'cta-audit.config.mjs', 'cta-audit.config.js'];
/**
 * The audit options of the astro-cta integration, as its last `astro build` or `astro dev` in this project
 * recorded them (see astro-cta's integration/audit-options.ts): so `cta-audit dist` in an Astro project audits
 * with the same options as the build, without loading astro.config and its whole toolchain.
 */
export const INTEGRATION_CONFIG_FILE = path.join('.astro', 'astro-cta-audit.json');

interface Flags {
  format?: string;
  output?: string;
  config?: string;
  failOn?: string;
  maxWarnings?: string | number;
  baseline?: string;
  updateBaseline?: boolean;
  requireCta?: string | string[];
  preset?: string;
  pages?: string;
  routes?: string;
  now?: string;
  progress?: boolean;
}

/** `cta-audit <dir>`: returns the exit code instead of exiting, so it can be tested in-process too. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = cac('cta-audit');
  let action: Promise<number> | undefined;
  cli
    .command('<dir>', 'Audit the calls to action of every .html page under <dir> (a built static site).')
    .option('--format <format>', `Report format: ${REPORT_FORMATS.join(', ')}`, { default: 'pretty' })
    .option('--output <file>', 'Write the report to a file instead of stdout')
    .option('--config <file>', `Config file (default: ${CONFIG_FILES.join(' or ')} in the working directory)`)
    .option('--preset <preset>', `Rule preset: ${PRESETS.join(', ')}`)
    .option('--fail-on <level>', `Exit 1 on: ${FAIL_ON.join(', ')} (default: error)`)
    .option('--max-warnings <n>', 'Exit 1 when there are more warnings than this')
    .option('--baseline <file>', 'Baseline file: findings recorded in it do not count')
    .option('--update-baseline', 'Record the current findings in the baseline file and exit 0')
    .option('--require-cta <glob>', 'Route glob of pages that must have a CTA (repeatable), e.g. "/landing/**"')
    .option(
      '--pages <dir>',
      'Source pages folder for source hints (default: src/pages beside <dir> or in the working directory)',
    )
    .option(
      '--routes <file>',
      `JSON list of route patterns with no built page (on-demand, redirects), e.g. ["/account", "/api/[id]"] (default: those ${INTEGRATION_CONFIG_FILE} records)`,
    )
    .option('--now <date>', 'Treat this moment as now for deadline rules (ISO 8601)')
    .option('--no-progress', 'Never show the progress bar')
    .example('cta-audit dist --format sarif --output cta-audit.sarif')
    .example('cta-audit dist --baseline cta-audit-baseline.json --update-baseline')
    .action((dir: string, flags: Flags) => {
      action = audit(dir, flags, io);
    });
  cli.help();
  cli.version('0.1.0');
  try {
    // cac prints help and version through console.log; the io streams are for everything else.
    cli.parse(['node', 'cta-audit', ...argv], { run: false });
    if (cli.options.help || cli.options.version) return EXIT_OK;
    if (!cli.matchedCommand)
      throw new UsageError('Give the folder of a built site to audit, e.g. `cta-audit dist`. See `cta-audit --help`.');
    await cli.runMatchedCommand();
    return await (action ?? Promise.resolve(EXIT_OK));
  } catch (error) {
    if ((error as Error)?.name === 'CACError' && /missing required args/.test((error as Error).message)) {
      io.stderr.write(
        'cta-audit: Give the folder of a built site to audit, e.g. `cta-audit dist`. See `cta-audit --help`.\n',
      );
      return EXIT_USAGE;
    }
    if (
      error instanceof UsageError ||
      error instanceof AuditConfigError ||
      error instanceof BaselineError ||
      (error as Error)?.name === 'CACError'
    ) {
      // Messages quote paths and values as given: show any control character in them escaped.
      const lines = (error as Error).message.split('\n').map(printable);
      io.stderr.write(`cta-audit: ${lines.join('\n')}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function audit(dir: string, flags: Flags, io: CliIo): Promise<number> {
  const siteDir = checkSiteDir(io.cwd, dir);
  const format = flags.format ?? 'pretty';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}".`);
  const { input, base, from } = await loadConfigFile(flags.config, io.cwd);
  io.stderr.write(`Configuration: ${printable(from)}\n`);
  const overrides: AuditConfigInput = { ...input };
  if (flags.preset !== undefined) overrides.preset = flags.preset as AuditConfigInput['preset'];
  if (flags.failOn !== undefined) overrides.failOn = flags.failOn as AuditConfigInput['failOn'];
  if (flags.maxWarnings !== undefined) {
    const value = Number(flags.maxWarnings);
    if (!Number.isInteger(value) || value < 0)
      throw new UsageError(`--max-warnings takes a whole number, not "${flags.maxWarnings}".`);
    overrides.maxWarnings = value;
  }
  if (flags.baseline !== undefined) overrides.baseline = path.resolve(io.cwd, flags.baseline);
  else if (input.baseline) overrides.baseline = path.resolve(base, input.baseline);
  if (flags.requireCta !== undefined) overrides.requireCta = ([] as string[]).concat(flags.requireCta).map(String);
  if (flags.now !== undefined) overrides.now = flags.now;
  if (flags.updateBaseline && !overrides.baseline)
    throw new UsageError('--update-baseline needs a baseline file: add --baseline cta-audit-baseline.json.');
  // A relative `metrics` path is relative to the config file (or the project root, for recorded options).
  const config = resolveAuditConfig(overrides, { defaultFailOn: 'error', baseDir: base });
  const onDemand = await loadOnDemandRoutes(flags.routes, io.cwd);
  if (onDemand) io.stderr.write(`Routes with no built page: ${onDemand.routes.length} (${printable(onDemand.from)})\n`);
  // Reports listed in the config file are written relative to the config file.
  const pagesDir = flags.pages
    ? path.resolve(io.cwd, flags.pages)
    : [path.join(siteDir, '..', 'src', 'pages'), path.join(io.cwd, 'src', 'pages')].find((candidate) =>
        existsSync(candidate),
      );
  const sourceFor = pagesDir ? guessSourcesFromPages(pagesDir, io.cwd) : undefined;
  const optOut = frontmatterReader((source) => path.resolve(io.cwd, source));
  const progress =
    flags.progress !== false && io.stderr.isTTY === true && !io.env.CI ? progressBar(io.stderr) : undefined;
  let result: Awaited<ReturnType<typeof runConfiguredAudit>>;
  try {
    result = await runConfiguredAudit(siteDir, config, {
      cwd: base,
      ...(flags.updateBaseline ? { updateBaseline: true } : {}),
      ...(sourceFor
        ? { sourceFor: (route: string) => sourceFor(route), ignoredRules: (route: string) => optOut(sourceFor(route)) }
        : {}),
      ...(onDemand ? { onDemandRoutes: onDemand.routes } : {}),
      // Where each finding's element is written: matched against the source folder that holds the pages.
      // Only beside a folder named `pages` (Astro's layout): any other folder's parent is not known to hold sources.
      ...(pagesDir && path.basename(pagesDir) === 'pages'
        ? { sources: { srcDir: path.dirname(pagesDir), root: io.cwd } }
        : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } catch (error) {
    // The folder itself could not be listed (subfolders that cannot be are findings).
    if ((error as NodeJS.ErrnoException).syscall === 'scandir') {
      throw new UsageError(`The folder ${dir} cannot be read: ${describeFsError(error)}.`);
    }
    throw error;
  }
  progress?.done();
  const report = { ...result.report, dir, root: io.cwd };
  const color = io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? true : !flags.output && io.stdout.isTTY === true;
  const text = formatReport(format as ReportFormat, report, { color: format === 'pretty' && color });
  if (flags.output) {
    const target = path.resolve(io.cwd, flags.output);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    io.stderr.write(
      `${summary(report.findings, report.pages, { baselined: report.baselined, durationMs: report.durationMs })}\nReport written to ${printable(flags.output)}.\n`,
    );
  } else io.stdout.write(text);
  // On GitHub Actions the pretty report also annotates the pull request.
  if (io.env.GITHUB_ACTIONS === 'true' && format === 'pretty') io.stdout.write(formatReport('github', report));
  for (const file of result.written) io.stderr.write(`Wrote ${printable(path.relative(io.cwd, file) || file)}\n`);
  if (flags.updateBaseline) {
    io.stderr.write(
      `Baseline updated: ${result.report.baselined} findings recorded. Later runs only report new ones.\n`,
    );
    return EXIT_OK;
  }
  if (result.verdict.failed) {
    io.stderr.write(`cta-audit failed: ${result.verdict.reason}.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * The folder to audit, resolved; a usage error in one line when it is not one: missing, a file, unreadable, or a
 * path longer than the system allows.
 */
function checkSiteDir(cwd: string, dir: string): string {
  const siteDir = path.resolve(cwd, dir);
  let isFolder: boolean;
  try {
    isFolder = statSync(siteDir).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError(
        `The folder ${dir} does not exist. Build your site first, then give its output folder (e.g. dist).`,
      );
    }
    throw new UsageError(`The folder ${dir} cannot be used: ${describeFsError(error)}.`);
  }
  if (!isFolder) {
    throw new UsageError(
      `${dir} is a file, not a folder. Give the folder of the built site (e.g. dist); every .html file in it is audited.`,
    );
  }
  return siteDir;
}

/** A configuration as read, where relative paths in it start (`base`), and where it came from, for the CLI to say. */
interface LoadedConfig {
  input: AuditConfigInput;
  base: string;
  from: string;
}

/**
 * Reads `--config`, else the first config file found in the working directory, else the options the astro-cta
 * integration recorded there; `from` says which one, for the line the CLI prints.
 */
async function loadConfigFile(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  const file = explicit
    ? path.resolve(cwd, explicit)
    : CONFIG_FILES.map((name) => path.join(cwd, name)).find((candidate) => existsSync(candidate));
  if (!file) return loadIntegrationConfig(cwd);
  if (!existsSync(file)) throw new UsageError(`The config file ${explicit} does not exist.`);
  let input: unknown;
  if (file.endsWith('.json')) {
    try {
      input = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new UsageError(
        `The config file ${path.relative(cwd, file)} is not valid JSON: ${(error as Error).message}`,
      );
    }
  } else {
    try {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      input = module.default;
    } catch (error) {
      throw new UsageError(
        `The config file ${path.relative(cwd, file)} could not be loaded: ${(error as Error).message}`,
      );
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UsageError(
      `The config file ${path.relative(cwd, file)} must hold an object (JSON) or export one as default (.mjs).`,
    );
  }
  try {
    // Validate now so the message names the file; resolving again later applies the command-line flags.
    resolveAuditConfig(input, { baseDir: path.dirname(file) });
  } catch (error) {
    if (error instanceof AuditConfigError) throw new AuditConfigError(`${path.relative(cwd, file)}: ${error.message}`);
    throw error;
  }
  return { input: input as AuditConfigInput, base: path.dirname(file), from: path.relative(cwd, file) || file };
}

/** The integration's recorded audit options (relative paths in them are relative to the project root). */
async function loadIntegrationConfig(cwd: string): Promise<LoadedConfig> {
  const file = path.join(cwd, INTEGRATION_CONFIG_FILE);
  const none = {
    input: {},
    base: cwd,
    from: `defaults (no ${CONFIG_FILES.join(', ')} or ${INTEGRATION_CONFIG_FILE} here)`,
  };
  if (!existsSync(file)) return none;
  let recorded: { audit?: unknown; root?: unknown };
  try {
    recorded = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message;
    throw new UsageError(
      `${INTEGRATION_CONFIG_FILE} is not valid JSON (${reason}). Run astro build again, or delete it.`,
    );
  }
  const input = recorded.audit;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UsageError(`${INTEGRATION_CONFIG_FILE} holds no audit options. Run astro build again, or delete it.`);
  }
  // Baseline, report and metrics paths in astro.config are relative to the project root.
  const base = typeof recorded.root === 'string' && existsSync(recorded.root) ? recorded.root : cwd;
  try {
    resolveAuditConfig(input, { baseDir: base });
  } catch (error) {
    if (error instanceof AuditConfigError) throw new AuditConfigError(`${INTEGRATION_CONFIG_FILE}: ${error.message}`);
    throw error;
  }
  const from = `the astro-cta integration's audit options (${INTEGRATION_CONFIG_FILE}, from the last astro build or dev)`;
  return { input: input as AuditConfigInput, base, from };
}

/**
 * Route patterns with no built page (pages rendered on demand, redirects), so that links to them are not called
 * dead: from `--routes <file>` (a JSON array of patterns, or an object with `onDemandRoutes`), else from what the
 * astro-cta integration recorded in this project. Undefined when there are none to read.
 */
async function loadOnDemandRoutes(
  explicit: string | undefined,
  cwd: string,
): Promise<{ routes: string[]; from: string } | undefined> {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, INTEGRATION_CONFIG_FILE);
  const name = explicit ?? INTEGRATION_CONFIG_FILE;
  if (!existsSync(file)) {
    if (explicit) throw new UsageError(`The routes file ${explicit} does not exist.`);
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON (${(error as Error).message}).`);
  }
  const list = Array.isArray(data) ? data : (data as { onDemandRoutes?: unknown } | null)?.onDemandRoutes;
  if (list === undefined && !explicit) return undefined;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && item.startsWith('/'))) {
    throw new UsageError(
      `${name} must hold route patterns starting with "/": a JSON array such as ["/account", "/api/[id]"], or an object with "onDemandRoutes" set to one.`,
    );
  }
  return { routes: list as string[], from: name };
}

/** A one-line progress bar on stderr, redrawn at most every 100 ms; only used on a terminal. */
function progressBar(stream: NodeJS.WritableStream): {
  update: (done: number, total: number) => void;
  done: () => void;
} {
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (total < 50 || (now - last < 100 && done !== total)) return;
      last = now;
      drawn = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
