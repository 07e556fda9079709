import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { csvCell } from '../report/format-csv.ts';
import type { Row } from '../report/steps.ts';
import { EXPORT_COLUMNS } from './storage.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Writes stored events to `out` (standard output without it) as JSON lines (one object per event, nulls left out)
 * or CSV (a header of EXPORT_COLUMNS; text cells defused against spreadsheet formulas as in the report's CSV), as
 * the rows stream in, waiting whenever the output is behind: memory stays flat at any number of events.
 * Resolves with the number of events written.
 */
export async function exportEvents(rows: AsyncIterable<Row>, format: ExportFormat, out?: string): Promise<number> {
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  let count = 0;
  if (format === 'csv') await write(`${EXPORT_COLUMNS.join(',')}\r\n`);
  for await (const row of rows) {
    await write(format === 'csv' ? csvLine(row) : jsonLine(row));
    count++;
  }
  if (out) {
    stream.end();
    await once(stream, 'finish');
  }
  return count;
}

function jsonLine(row: Row): string {
  const event: Record<string, unknown> = {};
  for (const column of EXPORT_COLUMNS) {
    const value = row[column];
    if (value !== null && value !== undefined) event[column] = column === 'props' ? JSON.parse(String(value)) : value;
  }
  return `${JSON.stringify(event)}\n`;
}

function csvLine(row: Row): string {
  const cells = EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    if (value === null || value === undefined) return '';
    return typeof value === 'number' ? String(value) : csvCell(String(value));
  });
  return `${cells.join(',')}\r\n`;
}
