import { useI18n } from '../../i18n';
import type { Ouverture } from '../../lib/api';
import { openingStatus } from './opening-status';
import './help-near-me.css';

/** "Ouvert jusqu'à 17 h" and the like, with a coloured mark that is never the only cue. */
export function OpeningStatus({ ouverture, now = new Date() }: { ouverture: Ouverture | undefined; now?: Date }) {
  const { lang } = useI18n();
  const { text, tone } = openingStatus(ouverture, now, lang);
  return <span className={`opening opening-${tone}`}>{text}</span>;
}
