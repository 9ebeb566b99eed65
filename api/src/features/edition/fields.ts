import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { langOf } from '../../http/errors.ts';
import { fr, type MessageKey } from '../../i18n/fr.ts';
import { message } from '../../i18n/messages.ts';

export type FieldIssue = { path: string; key: MessageKey; params?: Record<string, string | number> };

const isMessageKey = (s: string): s is MessageKey => Object.hasOwn(fr, s);

/** `{ code: 'champs_invalides', message, fields }`: every problem at once, each beside its field. */
export function fieldErrors(c: Context, issues: FieldIssue[]) {
  const lang = langOf(c);
  return c.json(
    {
      code: 'champs_invalides',
      message: message(lang, 'champs_invalides'),
      fields: issues.map((i) => ({ path: i.path, message: message(lang, i.key, i.params) })),
    },
    400,
  );
}

export function issuesOf(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.flatMap((i): FieldIssue[] => {
    const path = prefix + i.path.join('.');
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: prefix + [...i.path, k].join('.'), key: 'parametre_inconnu', params: { values: k.slice(0, 100) } }));
    }
    return [{ path, key: isMessageKey(i.message) ? i.message : 'requete_invalide' }];
  });
}

/** Validates a JSON body, answering 400 with per-field messages instead of the first issue only. */
export const validateFields = <T extends z.ZodType>(schema: T) =>
  validator('json', (value, c) => {
    const result = schema.safeParse(value);
    if (result.success) return result.data as z.output<T>;
    return fieldErrors(c, issuesOf(result.error));
  });
