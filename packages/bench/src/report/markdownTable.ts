/** A table as the report prints it: header cells and rows of cells. */
export interface Table {
  headers: string[];
  rows: string[][];
  /** Columns to right-align (numbers), by index. */
  numeric?: number[];
}

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * A GitHub-flavoured Markdown table padded to column width, so it reads
 * the same in a terminal and in the rendered document.
 */
export function markdownTable(table: Table): string {
  const { headers, rows } = table;
  const numeric = new Set(table.numeric ?? []);
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new Error(
        `a row has ${row.length} cells for ${headers.length} columns`,
      );
    }
  }
  const cells = [headers, ...rows].map(row => row.map(escapeCell));
  const widths = headers.map((_, column) =>
    Math.max(3, ...cells.map(row => row[column].length)),
  );
  const line = (row: string[]) =>
    `| ${row
      .map((cell, column) =>
        numeric.has(column)
          ? cell.padStart(widths[column])
          : cell.padEnd(widths[column]),
      )
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((width, column) =>
      numeric.has(column) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
    )
    .join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
