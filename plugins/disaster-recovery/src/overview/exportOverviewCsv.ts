import type { OverviewQuery } from '@dr-posture/plugin-disaster-recovery-common';
import type { DisasterRecoveryApi } from '../api';
import { overviewCsvHeader, overviewCsvRows } from './overviewCsv';

/** The largest page the overview endpoint serves. */
const EXPORT_PAGE_SIZE = 500;

/**
 * Fetches every page of the current view (its filters and sort) and builds a
 * CSV Blob from the pages as they arrive, without keeping the rows.
 */
export async function exportOverviewCsv(
  api: DisasterRecoveryApi,
  query: Omit<OverviewQuery, 'cursor' | 'limit'>,
  onProgress?: (exported: number, total: number) => void,
): Promise<Blob> {
  const chunks: string[] = [overviewCsvHeader()];
  let cursor: string | undefined;
  let exported = 0;
  do {
    const page = await api.getOverview({
      ...query,
      cursor,
      limit: EXPORT_PAGE_SIZE,
    });
    chunks.push(overviewCsvRows(page.items));
    exported += page.items.length;
    onProgress?.(exported, page.totalItems);
    cursor = page.nextCursor;
  } while (cursor);
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' });
}

/** Offers a Blob to the user as a downloaded file. */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
