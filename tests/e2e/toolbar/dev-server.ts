import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const astroBin = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface DevServer {
  url: string;
  /** Everything astro dev printed so far (for failure messages and for checking it logged no error). */
  output(): string;
  stop(): Promise<void>;
}

// The address astro dev prints once it listens ("Local    http://127.0.0.1:54321/").
const LISTENING = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Starts `astro dev` for a fixture on a loopback port the system picks (port 0: no fixed port can be taken by
 * another process on a shared machine), reads the address from its output and resolves once it serves pages.
 * Fails with astro's own output if it exits or does not come up in time.
 */
export async function startDevServer(root: URL, timeoutMs = 45_000): Promise<DevServer> {
  let log = '';
  let url = '';
  const args = [astroBin, 'dev', '--root', fileURLToPath(root), '--host', '127.0.0.1', '--port', '0'];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: DevServer = {
    get url() {
      return url;
    },
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro dev exited with code ${child.exitCode}:\n${log}`);
    url ||= LISTENING.exec(log)?.[1] ?? '';
    if (url && (await responds(url))) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`astro dev did not serve ${url || 'pages'} within ${timeoutMs / 1000} s:\n${log}`);
}

async function responds(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}
