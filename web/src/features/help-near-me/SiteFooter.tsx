import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useHelpMessages } from './messages';
import { useEntryMessages } from '../orientation-sheet/entry-messages';
import './help-near-me.css';

export function SiteFooter() {
  const { lang } = useI18n();
  const m = useHelpMessages();
  const helpers = useEntryMessages();
  return (
    <footer className="site-footer">
      <h2 className="sr-only">{m.footerTitle}</h2>
      <Link href={lang === 'en' ? '/accessibilite?lang=en' : '/accessibilite'}>{m.accessibilityLink}</Link>
      <Link href={lang === 'en' ? '/aidants?lang=en' : '/aidants'}>{helpers.helpersTitle}</Link>
    </footer>
  );
}
