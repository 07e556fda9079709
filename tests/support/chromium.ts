import { existsSync } from 'node:fs';

/**
 * Where the tests find Chromium: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then (undefined) Playwright's
 * own download on a laptop that has one. Browsers cannot be downloaded on CI here.
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate!));
}

/** Flags that run headless as root on a closed network without flooding it with background requests. */
export const chromiumLaunchOptions = {
  executablePath: chromiumPath(),
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
