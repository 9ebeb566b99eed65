import { useInfiniteQuery, useIsFetching, useQuery } from '@tanstack/react-query';
import type { placesQueryOptions, vocabularyQueryOptions } from '../../lib/queries';
import { useSettled } from '../../lib/use-settled';

/** How long nothing else must be asked before the folded filters' vocabulary is. */
const DELAY_MS = 1000;

interface Props {
  vocabulary: ReturnType<typeof vocabularyQueryOptions>;
  /** The list's request, watched only for whether it is still coming. */
  list: ReturnType<typeof placesQueryOptions> & { enabled: boolean };
  /** The filters are open, or a place's panel shows its services: the vocabulary is in sight. */
  shown: boolean;
}

/**
 * Asks for the vocabulary (filter counts, type names: about 10 KB) when it no longer takes the
 * bandwidth of what the person waits for. In sight, right after the list; out of sight (a
 * phone's folded filters), once nothing else has been asked for a moment, so that the list's
 * type names appear a little after the list instead of slowing it or a search. A component of
 * its own that draws nothing: following every request's progress re-renders it alone, not the page.
 */
export function VocabularyWhenQuiet({ vocabulary, list, shown }: Props) {
  const listFetching = useInfiniteQuery({ ...list, notifyOnChangeProps: ['isFetching'] }).isFetching;
  const othersFetching = useIsFetching({ predicate: (q) => q.queryKey[0] !== 'services' }) > 0;
  const quiet = useSettled(listFetching || othersFetching, DELAY_MS);
  useQuery({ ...vocabulary, enabled: shown ? !listFetching : quiet, notifyOnChangeProps: [] });
  return null;
}
