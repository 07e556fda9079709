import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type ColumnSource, fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { csvCell } from '../report/format-csv.ts';
import type { Row } from '../report/steps.ts';
import { EXPORT_COLUMNS } from './event-columns.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Writes stored events to `out` (standard output without it) as JSON lines (one object per event, nulls left out)
 * or CSV (a header of EXPORT_COLUMNS; text cells defused against spreadsheet formulas as in the report's CSV), as
 * the rows stream in, waiting whenever the output is behind: memory stays flat at any number of events. Parquet
 * goes to the `out` file only (it is binary), one row group per PARQUET_ROW_GROUP events.
 * Resolves with the number of events written.
 */
export async function exportEvents(rows: AsyncIterable<Row>, format: ExportFormat, out?: string): Promise<number> {
  if (format === 'parquet') {
    if (!out) throw new Error('export --format parquet writes a binary file: name it with --out events.parquet');
    return exportParquet(rows, out);
  }
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

/** Events per Parquet row group: what is held in memory at once. */
const PARQUET_ROW_GROUP = 50_000;
/** Each exported column's Parquet type; every column but seq and received_at may be null. */
const PARQUET_TYPES: Record<(typeof EXPORT_COLUMNS)[number], 'STRING' | 'INT32' | 'TIMESTAMP' | 'DOUBLE'> = {
  page_view: 'STRING',
  seq: 'INT32',
  type: 'STRING',
  cta: 'STRING',
  page: 'STRING',
  variant: 'STRING',
  goal: 'STRING',
  destination: 'STRING',
  open_mode: 'STRING',
  props: 'STRING', // the event's props as the JSON text it was stored as
  received_at: 'TIMESTAMP', // milliseconds, UTC
  visit: 'STRING',
  experiment: 'STRING',
  arm: 'STRING',
  value: 'DOUBLE',
  currency: 'STRING',
};

/**
 * Parquet by hyparquet-writer (pure JavaScript, no native build; its ParquetWriter takes one row group at a time, so
 * memory stays at PARQUET_ROW_GROUP events whatever the export's size). Columns as EXPORT_COLUMNS, snappy-compressed.
 */
async function exportParquet(rows: AsyncIterable<Row>, out: string): Promise<number> {
  const columns = (data: (column: (typeof EXPORT_COLUMNS)[number]) => unknown[]): ColumnSource[] =>
    EXPORT_COLUMNS.map((name) => ({
      name,
      data: data(name),
      type: PARQUET_TYPES[name],
      nullable: name !== 'seq' && name !== 'received_at',
    }));
  const writer = new ParquetWriter({
    writer: fileWriter(out),
    schema: schemaFromColumnData({ columnData: columns(() => []) }),
  });
  let group: Row[] = [];
  let count = 0;
  const flush = async () => {
    await writer.write({ columnData: columns((name) => group.map((row) => parquetValue(name, row[name]))) });
    group = [];
  };
  for await (const row of rows) {
    group.push(row);
    count++;
    if (group.length === PARQUET_ROW_GROUP) await flush();
  }
  if (group.length) await flush();
  await writer.finish();
  return count;
}

/** PostgreSQL hands BIGINT (received_at) over as text; Parquet wants numbers in number columns. */
function parquetValue(column: (typeof EXPORT_COLUMNS)[number], value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return PARQUET_TYPES[column] === 'STRING' ? String(value) : Number(value);
}
