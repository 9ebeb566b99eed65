import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A few pages do not need a router library: the path is read from `location`, and in-app links
 * push history and notify subscribers, so the back button and shared links keep working.
 */
const NAVIGATE_EVENT = 'reperes:navigate';

function subscribe(onChange: () => void) {
  addEventListener('popstate', onChange);
  addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    removeEventListener('popstate', onChange);
    removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export const usePath = () => useSyncExternalStore(subscribe, () => location.pathname);

export function navigate(url: string, mode: 'push' | 'replace' = 'push') {
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  dispatchEvent(new Event(NAVIGATE_EVENT));
  // A new page starts at its top, as a full page load would.
  scrollTo(0, 0);
}

/** An ordinary link (works with a new tab, copy, middle click) that navigates in place on a plain click. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  // The link's text comes in `rest.children`.
  // eslint-disable-next-line jsx-a11y/anchor-has-content
  return <a href={href} onClick={onLinkClick} {...rest} />;
}
