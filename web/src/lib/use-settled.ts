import { useEffect, useState } from 'react';

/** True once `busy` has stayed false for `ms`: "nothing else is coming right now". */
export function useSettled(busy: boolean, ms: number): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (busy) {
      // Busy again: the wait starts over once it is quiet (state, since it must outlive renders).
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setSettled(false);
      return;
    }
    const timer = setTimeout(() => setSettled(true), ms);
    return () => clearTimeout(timer);
  }, [busy, ms]);
  return settled;
}
