import type { Lang } from '../../i18n';

export interface ReportIssue {
  line: number;
  column?: string;
  message: string;
}

export interface ImportReport {
  rows: number;
  valid: number;
  unknownColumns: string[];
  errorCount: number;
  warningCount: number;
  errors: ReportIssue[];
  warnings: ReportIssue[];
  created: { line: number; id: string; nom: string; commune: string | null }[];
  updated: { line: number; id: string; nom: string; changes: { field: string; before: unknown; after: unknown }[] }[];
  unchanged: number;
  outOfScope: { line: number; id: string; nom: string }[];
}

export interface ImportAnswer {
  importable: boolean;
  applique: { created: number; updated: number } | null;
  rapport: ImportReport;
}

export class ImportError extends Error {}

/** POST /api/imports with the file as the body; the API's French (or English) message becomes the error. */
export async function sendFile(file: File, o: { csrf: string; lang: Lang; apply: boolean; networkMessage: string }): Promise<ImportAnswer> {
  const query = new URLSearchParams({ lang: o.lang, nom: file.name, ...(o.apply ? { appliquer: '1' } : {}) });
  let res: Response;
  try {
    res = await fetch(`/api/imports?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': o.csrf, Accept: 'application/json' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ImportError(o.networkMessage);
  }
  const body = (await res.json().catch(() => null)) as (ImportAnswer & { message?: string }) | null;
  if (!res.ok || !body) throw new ImportError(body?.message ?? o.networkMessage);
  return body;
}
