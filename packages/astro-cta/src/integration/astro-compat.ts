/**
 * Which Astro the user's project runs, and what the kit does on each supported major. Astro passes no version to
 * integrations, so it is read from the `astro` package the project resolves (the one running the build).
 *
 * Astro 5 has no `setPrerenderer` (added in Astro 6): the audit then runs in full after the build instead of while
 * pages render. Astro 5 and 6 have no Sätteri processor: MDX auto-import runs as a remark plugin (mdx-auto-import.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const SUPPORTED_ASTRO_MAJORS = [5, 6, 7] as const;
const SUPPORTED = `Astro ${SUPPORTED_ASTRO_MAJORS.slice(0, -1).join(', ')} and ${SUPPORTED_ASTRO_MAJORS.at(-1)}`;

/**
 * A setup problem the user fixes in their project, not a bug of ours: Astro prints its message and hint, and no
 * stack trace (Astro prints one only when the error has a stack).
 */
export class AstroCtaSetupError extends Error {
  override name = 'AstroCtaSetupError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.stack = '';
  }
}

/** The version of the `astro` package the project at `root` resolves, or undefined when it cannot be read. */
export function installedAstroVersion(root: URL): string | undefined {
  try {
    const require = createRequire(fileURLToPath(new URL('package.json', root)));
    const manifest = JSON.parse(readFileSync(require.resolve('astro/package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/** Throws one clear error naming both versions when the project's Astro is not one the kit supports. */
export function assertSupportedAstro(version: string | undefined, kitVersion: string): void {
  if (version === undefined) return;
  const major = Number.parseInt(version, 10);
  if ((SUPPORTED_ASTRO_MAJORS as readonly number[]).includes(major)) return;
  throw new AstroCtaSetupError(
    `astro-cta ${kitVersion} supports ${SUPPORTED}; this project runs Astro ${version}.`,
    major < SUPPORTED_ASTRO_MAJORS[0]
      ? `Upgrade Astro (\`npx @astrojs/upgrade\`) to ${SUPPORTED_ASTRO_MAJORS.at(-1)}, or at least ${SUPPORTED_ASTRO_MAJORS[0]}.`
      : `Astro ${major} is newer than this astro-cta: update astro-cta (\`npm install astro-cta@latest\`).`,
  );
}

/** The note logged once per build when Astro has no prerenderer hook, so the audit runs after the build. */
export function noPrerendererNote(version: string | undefined): string {
  return (
    `Astro ${version ?? '(unknown version)'} has no prerenderer hook (it came with Astro 6): ` +
    'the CTA audit runs after the build instead of while pages render. Findings are the same.'
  );
}
