import { type ChildProcess, spawn } from 'node:child_process';
import { type Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../../packages/collector/dist/cli.js', import.meta.url));

export interface CollectorProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote to stderr. */
  stderr: () => string;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | NodeJS.Signals>;
}

/** Starts the built `cta-collect serve` as a real child process and waits until it listens. */
export async function startCollector(args: string[]): Promise<CollectorProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cta-collect did not start in 15 s: ${stderr}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const match = /collecting at (http:\/\/\S+?)\/api\/cta/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`cta-collect exited (${code}) before listening: ${stderr}`));
    });
  });
  return { child, url, stderr: () => stderr, exited };
}

export interface RawResponse {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

/** POSTs raw bytes (anything at all, unlike fetch) with the given headers. */
export function postRaw(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  agent?: Agent,
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: '/api/cta', method: 'POST', headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
