import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Draws its children once the first screen is painted, as a transition: on a slow phone the
 * search and the list come first, and typing or a choice made meanwhile interrupts this work
 * instead of waiting for it. For what is secondary on first sight (tools, filters, the map's
 * place, the footer).
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => startTransition(() => setShown(true)), []);
  return shown ? children : null;
}
