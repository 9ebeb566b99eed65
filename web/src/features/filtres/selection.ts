import { listeIds } from '../../state/url-state';

/** Ticks or unticks one id, keeping the list in the canonical order the URL uses. */
export const basculer = (ids: readonly string[], id: string) =>
  ids.includes(id) ? ids.filter((x) => x !== id) : listeIds([...ids, id]);
