import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useEntryMessages } from './entry-messages';
import { useSelection } from './selection';
import { sheetHref } from './sheet-url';
import './add-to-sheet.css';

/** The header link to the sheet, with how many places it holds. */
export function SheetCounter() {
  const m = useEntryMessages();
  const { lang } = useI18n();
  const ids = useSelection();
  return (
    <Link className="button button-secondary sheet-counter" href={sheetHref({ ids: [...ids], lang, large: false })}>
      {m.counter(ids.length)}
    </Link>
  );
}
