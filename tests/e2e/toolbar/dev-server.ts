import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const astroBin = fileURLToPath(new URL('../../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface DevServer {
  url: string;
  /** Everything astro dev printed so far (for failure messages and for checking it logged no error). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `astro dev` for a fixture on a fixed loopback port and resolves once it serves pages. Fails with astro's
 * own output if it exits or does not come up in time, and refuses a port that is already taken (astro would
 * silently move to the next port and the test would talk to the wrong server).
 */
export async function startDevServer(root: URL, port: number, timeoutMs = 45_000): Promise<DevServer> {
  const url = `http://127.0.0.1:${port}`;
  if (await responds(url)) throw new Error(`Port ${port} is already in use: stop whatever serves ${url} and run the test again.`);
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [astroBin, 'dev', '--root', fileURLToPath(root), '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: DevServer = {
    url,
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
    if (log.includes(url) && (await responds(url))) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`astro dev did not serve ${url} within ${timeoutMs / 1000} s:\n${log}`);
}

async function responds(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}
