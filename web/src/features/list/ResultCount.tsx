import { useI18n } from '../../i18n';

/**
 * The list's heading doubles as its announcement: the live region speaks the new count after a
 * filter is ticked or the map moves, without moving focus.
 */
interface Props {
  id: string;
  /** Undefined until the first answer. */
  total: number | undefined;
  /** The first answer was an error: "searching…" would then be a lie. */
  unavailable?: boolean;
  /** Replaces "N lieux dans cette zone", e.g. around the person's position. */
  label?: (total: number) => string;
  /** Replaces "searching…" when the list is not being asked for yet. */
  pending?: string;
}

export function ResultCount({ id, total, unavailable = false, label, pending }: Props) {
  const { t } = useI18n();
  return (
    <div aria-live="polite" aria-atomic="true">
      <h2 id={id} tabIndex={-1} className="list-title">
        {total !== undefined ? (label ?? t.placesInArea)(total) : unavailable ? t.listUnavailable : (pending ?? t.listLoading)}
      </h2>
    </div>
  );
}
