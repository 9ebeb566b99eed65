import type { ImportAnswer } from '@reperes/api/contract/coordination.ts';
import type { Lang } from '../../i18n';
import { apiRequest, apiUrl } from '../../lib/api';

export type { ImportAnswer, ImportReport } from '@reperes/api/contract/coordination.ts';

/** POST /api/imports with the file as the body; a refusal is an ApiError worded by the API. */
export const sendFile = (file: File, o: { csrf: string; lang: Lang; apply: boolean }): Promise<ImportAnswer> =>
  apiRequest<ImportAnswer>(apiUrl('api/imports', { lang: o.lang, nom: file.name, appliquer: o.apply ? '1' : undefined }), {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': o.csrf },
    body: file,
    credentials: 'same-origin',
  });
