import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { clockAt } from '../../lib/hours-wording';
import { useHelpMessages } from './messages';

/**
 * The service worker serves the last saved results when the network is gone, and says so by a
 * message with the time they were saved: shown here, so nobody takes old results for fresh ones.
 */
export function OfflineNotice() {
  const { lang } = useI18n();
  const m = useHelpMessages();
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  useEffect(() => {
    const sw = navigator.serviceWorker;
    if (!sw) return;
    const onMessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      if (!data || typeof data !== 'object' || !('type' in data)) return;
      if (data.type === 'reperes:online') setSavedAt(null);
      if (data.type === 'reperes:offline-results' && 'savedAt' in data && typeof data.savedAt === 'string') {
        const date = new Date(data.savedAt);
        if (!Number.isNaN(date.getTime())) setSavedAt(date);
      }
    };
    sw.addEventListener('message', onMessage);
    return () => sw.removeEventListener('message', onMessage);
  }, []);

  if (!savedAt) return null;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(savedAt);
  return (
    <p className="offline-notice" role="status">
      {m.offlineResults(day, clockAt(savedAt, zone, lang))}
    </p>
  );
}
