import { canonicalIds } from '../../state/url-state';

/** Ticks or unticks one id, keeping the list in the canonical order the URL uses. */
export const toggleId = (ids: readonly string[], id: string) =>
  ids.includes(id) ? ids.filter((x) => x !== id) : canonicalIds([...ids, id]);
