import { useEntryMessages } from './entry-messages';
import { addPlace, MAX_PLACES, removePlace, useSelection } from './selection';
import './add-to-sheet.css';

/**
 * Adds a place to the orientation sheet, or takes it off. The label says what a press will do;
 * when the sheet is full the button says so instead of failing silently.
 */
export function AddToSheetButton({ id, className = '' }: { id: string; className?: string }) {
  const m = useEntryMessages();
  const selection = useSelection();
  const present = selection.includes(id);
  const full = !present && selection.length >= MAX_PLACES;
  return (
    <button
      type="button"
      className={`button button-secondary add-to-sheet ${className}`.trim()}
      data-in-sheet={present ? 'true' : 'false'}
      aria-disabled={full ? 'true' : undefined}
      onClick={() => (present ? removePlace(id) : addPlace(id))}
    >
      {present ? m.remove : full ? m.full(MAX_PLACES) : m.add}
    </button>
  );
}
