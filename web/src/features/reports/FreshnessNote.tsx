import { useI18n } from '../../i18n';
import { freshnessText } from './freshness';
import './reports.css';

/** One line under a place's details: "Vérifié le 3 mars 2026", or a warning about old data. */
export function FreshnessNote({ verifieLe, dateMaj }: { verifieLe?: string | null; dateMaj?: string | null }) {
  const { lang } = useI18n();
  const text = freshnessText(verifieLe, dateMaj, new Date(), lang);
  if (!text) return null;
  return <p className={'freshness' + (verifieLe ? ' freshness-checked' : ' freshness-old')}>{text}</p>;
}
