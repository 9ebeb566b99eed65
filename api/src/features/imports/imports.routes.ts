import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { importQuery, MAX_UPLOAD_BYTES } from '../../contract/params.ts';
import { ApiError, langOf } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { AuthEnv } from '../auth/session.ts';
import { inScope } from '../auth/scope.ts';
import type { Coordination } from '../edition/edition.ts';
import { isoNow } from '../edition/edition.ts';
import { applyPlan } from './apply.ts';
import { importContext } from './import-context.ts';
import { issueMessage, problemMessage } from './messages.ts';
import type { ImportReport } from './plan.ts';
import { FileRefused } from './read-file.ts';
import { dryRun, importable } from './run-import.ts';

/** The report as the web page shows it: each issue with its sentence in the caller's language. */
function reportBody(report: ImportReport, lang: 'fr' | 'en') {
  const json = report.format !== 'lmn-csv' && report.format !== 'france-services';
  const withMessage = (i: ImportReport['errors'][number]) => ({ ...i, message: issueMessage(lang, i, json) });
  return { ...report, errors: report.errors.map(withMessage), warnings: report.warnings.map(withMessage) };
}

/**
 * POST /api/imports: the file is the request body. Without `appliquer=1` nothing is written and
 * the report says what would happen; with it, a file whose every row can be imported is applied
 * in one transaction and recorded in the history under the coordinator's name. Rows about places
 * outside the coordinator's territory or network are refused.
 */
export function importsRoutes(co: Coordination) {
  return new Hono<AuthEnv>()
    .use('*', co.auth.required)
    .post(
      '/',
      bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => { throw new ApiError(413, 'fichier_trop_gros'); } }),
      validate('query', importQuery),
      async (c) => {
        const q = c.req.valid('query');
        const lang = langOf(c);
        const account = c.get('account');
        const bytes = Buffer.from(await c.req.arrayBuffer());
        let plan;
        try {
          plan = await dryRun(co.places.db, bytes, { scope: (p) => inScope(account, p) });
        } catch (err) {
          if (err instanceof FileRefused) return c.json({ code: err.problem.code, message: problemMessage(lang, err.problem) }, 400);
          throw err;
        }
        c.header('Cache-Control', 'no-store');
        const ok = importable(plan);
        if (q.appliquer !== '1') return c.json({ importable: ok, applique: null, rapport: reportBody(plan.report, lang) });
        if (!ok) throw new ApiError(422, 'import_impossible');
        const result = applyPlan(co.places.db, importContext(), plan, {
          userId: account.id, fileName: q.nom ?? 'fichier', at: isoNow(co.auth),
        });
        co.stores.invalidate();
        return c.json({ importable: true, applique: result, rapport: reportBody(plan.report, lang) });
      },
    );
}
