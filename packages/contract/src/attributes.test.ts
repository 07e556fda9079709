import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTRACT_TABLE_FILES, withContractTable } from '../../../scripts/contract-table.ts';
import { CONTRACT_ATTRIBUTES } from './attributes.ts';
import * as contract from './index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the contract attribute table', () => {
  it.each(CONTRACT_TABLE_FILES)(
    '%s holds the table generated from attributes.ts (run scripts/contract-table.ts)',
    (file) => {
      const text = readFileSync(root + file, 'utf8');
      expect(withContractTable(text, file)).toBe(text);
    },
  );

  it('lists every data-cta* name the contract exports, once', () => {
    const exported = (Object.values(contract) as unknown[]).filter(
      (value): value is string => typeof value === 'string' && value.startsWith('data-cta'),
    );
    const listed = CONTRACT_ATTRIBUTES.map((row) => row.name);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...new Set(exported)].sort());
  });

  it('fails on a table that drifted', () => {
    const [file] = CONTRACT_TABLE_FILES;
    const text = readFileSync(root + file!, 'utf8').replace('| `data-cta-goal` |', '| `data-cta-goal-x` |');
    expect(withContractTable(text, file!)).not.toBe(text);
  });
});
