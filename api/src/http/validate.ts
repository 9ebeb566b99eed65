import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { MAX_LIMIT } from '../contract/params.ts';
import { fr, type MessageKey } from '../i18n/fr.ts';
import { ApiError } from './errors.ts';

const isMessageKey = (s: string): s is MessageKey => Object.hasOwn(fr, s);

/**
 * Validates one part of the request with a zod schema, answering the project's single failure
 * shape: the first issue becomes a 400 `{ code, message }` in the caller's language.
 * Hono's own `validator` with a synchronous `safeParse`: @hono/zod-validator awaits
 * `safeParseAsync`, which costs more than the rest of a town query on the hot path.
 */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  validator(target, (value): z.output<T> => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const first = result.error.issues[0];
    if (first?.code === 'unrecognized_keys') {
      throw new ApiError(400, 'parametre_inconnu', { values: first.keys.join(', ').slice(0, 200) });
    }
    const key = first && isMessageKey(first.message) ? first.message : 'requete_invalide';
    throw new ApiError(400, key, { max: MAX_LIMIT, values: '' });
  });
