import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { message, pickLang, type MessageKey } from '../i18n/messages.ts';

/** A refusal the client can act on: a stable `code` and a message in the caller's language. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export const langOf = (c: Context) => pickLang(c.req.query('lang'), c.req.header('accept-language'));

export function errorBody(c: Context, code: MessageKey, params: Record<string, string | number> = {}) {
  return { code, message: message(langOf(c), code, params) };
}

/** The single place where errors become responses; anything unexpected is logged, never leaked. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json(errorBody(c, err.code, err.params), err.status);
  // Hono raises these for malformed bodies and the like: the client's fault, not ours.
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(errorBody(c, 'requete_invalide'), err.status as ContentfulStatusCode);
  }
  const ref = crypto.randomUUID().slice(0, 8);
  console.error(`[erreur ${ref}] ${c.req.method} ${c.req.path}`, err);
  return c.json(errorBody(c, 'erreur_interne', { ref }), 500);
}
