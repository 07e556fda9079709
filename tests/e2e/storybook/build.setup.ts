import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

test('`npm run storybook:build` logs no error and leaves no absolute build path in storybook-static', () => {
  test.setTimeout(5 * 60_000);
  const build = spawnSync('npm', ['run', 'storybook:build'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const log = `${build.stdout}${build.stderr}`;
  expect(build.status, log).toBe(0);
  expect(log.split('\n').filter((line) => /\[ERROR\]/.test(line))).toEqual([]);
  const root = repo.replace(/\/$/, '');
  const withPaths: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (readFileSync(file, 'utf8').includes(root)) withPaths.push(path.relative(repo, file));
    }
  };
  walk(path.join(repo, 'storybook-static'));
  expect(withPaths).toEqual([]);
});
