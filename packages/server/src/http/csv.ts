// CSV files for the centers' spreadsheets: RFC 4180 lines with CRLF, behind a UTF-8 byte order mark so that Excel
// reads Chinese, written as they are read so that a long list is never held whole.
import { Readable } from 'node:stream';

export type CsvValue = string | number | null;

/**
 * One CSV cell (RFC 4180). A text a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
 * return that hides one) gets a leading apostrophe, so that an enterprise's name never runs in a center's Excel.
 */
export function csvCell(value: CsvValue): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A CSV file of `header` and the lines of each chunk `chunks` yields, in order, as a stream. */
export function csvStream(
  header: readonly string[],
  chunks: AsyncIterable<readonly (readonly CsvValue[])[]>,
): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(header)}`;
    for await (const chunk of chunks) yield chunk.map(csvLine).join('');
  }
  return Readable.from(lines(), { objectMode: false });
}
