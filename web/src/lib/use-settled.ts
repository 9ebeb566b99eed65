import { useEffect, useState } from 'react';

/** True once `busy` has stayed false for `ms`: "nothing else is coming right now". */
export function useSettled(busy: boolean, ms: number): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (busy) {
      setSettled(false);
      return;
    }
    const timer = setTimeout(() => setSettled(true), ms);
    return () => clearTimeout(timer);
  }, [busy, ms]);
  return settled;
}
