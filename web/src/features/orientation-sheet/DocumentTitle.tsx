import { useEffect } from 'react';

/**
 * Place it after the page's I18nProvider, as a sibling: effects run in tree order, so the
 * provider's generic title is set first and this one wins.
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
