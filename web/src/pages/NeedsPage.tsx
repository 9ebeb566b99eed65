import { useState } from 'react';
import { PageHeading, SimplePage } from '../components/SimplePage';
import { type HelpMessages, useHelpMessages } from '../features/help-near-me/messages';
import { NearMeButton } from '../features/help-near-me/NearMeButton';
import { PlaceSearch } from '../features/help-near-me/PlaceSearch';
import '../features/help-near-me/help-near-me.css';
import './needs-page.css';
import { LIST_TITLE_ID } from '../features/list/PlaceList';
import { useI18n } from '../i18n';
import type { Commune } from '../lib/api';
import { aroundPoint, communeZone } from '../lib/geo';
import { Link, navigate } from '../router';
import { INITIAL_URL_STATE, serializeUrlState, type UrlState } from '../state/url-state';

type Need = keyof HelpMessages['needs'];
type Demarche = keyof HelpMessages['demarches'];

/** Everyday words → the national vocabulary's service ids (see /api/services). */
const NEED_SERVICES: Record<Exclude<Need, 'demarche'>, string> = {
  apprendre: 'maitrise-des-outils-numeriques-du-quotidien',
  acces: 'acces-internet-et-materiel-informatique',
  materiel: 'acquisition-de-materiel-informatique-a-prix-solidaire',
  autre: 'aide-aux-demarches-administratives',
};

const DEMARCHE_SERVICES: Record<Demarche, string> = {
  famille: 'famille-allocations',
  sante: 'sante',
  emploi: 'emploi',
  retraite: 'retraite',
  impots: 'impots',
  papiers: 'papiers-vehicule',
  droits: 'justice-droits',
  logement: 'logement',
  jeunesse: 'jeunesse-orientation',
};

const NEEDS: Need[] = ['demarche', 'apprendre', 'acces', 'materiel', 'autre'];
const DEMARCHES = Object.keys(DEMARCHE_SERVICES) as Demarche[];

type Step = { kind: 'need'; demarchesOpen: boolean } | { kind: 'where'; service: string; label: string; from: 'need' | 'demarche' };

const DEMARCHES_ID = 'needs-demarches';

export function NeedsPage() {
  return (
    <SimplePage>
      <Needs />
    </SimplePage>
  );
}

/**
 * Two screens before the results: what, then where. Formalities are many, so their choices
 * unfold under "Faire une démarche" on the first screen instead of making a screen of their own.
 * The second screen replaces the first and its heading takes focus, so a screen reader starts
 * reading the new question.
 */
function Needs() {
  const { lang } = useI18n();
  const m = useHelpMessages();
  const [step, setStep] = useState<Step>({ kind: 'need', demarchesOpen: false });

  const showResults = (service: string, where: Partial<UrlState>) => {
    navigate('/' + serializeUrlState({ ...INITIAL_URL_STATE, lang: lang === 'en' ? 'en' : null, services: [service], ...where }));
    // The map page renders on the navigation event; its results heading is then the place to land.
    requestAnimationFrame(() => document.getElementById(LIST_TITLE_ID)?.focus());
  };

  if (step.kind === 'need') {
    const toWhere = (service: string, label: string, from: 'need' | 'demarche') => setStep({ kind: 'where', service, label, from });
    return (
      <section className="needs" aria-labelledby="needs-step">
        <PageHeading focusKey="need">
          <span id="needs-step">{m.needsTitle}</span>
        </PageHeading>
        <p>{m.needsIntro}</p>
        <ul className="choices">
          {NEEDS.map((need) =>
            need === 'demarche' ? (
              <li key={need}>
                <button
                  type="button"
                  className="choice choice-disclosure"
                  aria-expanded={step.demarchesOpen}
                  aria-controls={DEMARCHES_ID}
                  onClick={() => setStep({ kind: 'need', demarchesOpen: !step.demarchesOpen })}
                >
                  {m.needs.demarche}
                </button>
                <div id={DEMARCHES_ID} className="needs-demarches" hidden={!step.demarchesOpen}>
                  <h2>{m.whichDemarcheTitle}</h2>
                  <ul className="choices choices-grid">
                    {DEMARCHES.map((d) => (
                      <li key={d}>
                        <button type="button" className="choice" onClick={() => toWhere(DEMARCHE_SERVICES[d], m.demarches[d], 'demarche')}>
                          {m.demarches[d]}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            ) : (
              <li key={need}>
                <button type="button" className="choice" onClick={() => toWhere(NEED_SERVICES[need], m.needs[need], 'need')}>
                  {m.needs[need]}
                </button>
              </li>
            ),
          )}
        </ul>
        <p>
          <Link href={lang === 'en' ? '/?lang=en' : '/'}>{m.needsSkip}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="needs" aria-labelledby="needs-step">
      <PageHeading focusKey={'where-' + step.service}>
        <span id="needs-step">{m.whereTitle}</span>
      </PageHeading>
      <p className="needs-chosen">{m.needChosen(step.label)}</p>
      <p>{m.whereIntro}</p>
      <PlaceSearch
        onCommune={(c: Commune) =>
          showResults(step.service, { zone: communeZone(c), commune: `${c.nom} (${c.departement})` })
        }
        onPlace={(place) => navigate(`/lieux/${encodeURIComponent(place.id)}${lang === 'en' ? '?lang=en' : ''}`)}
      />
      <NearMeButton onPosition={(pres) => showResults(step.service, { pres, zone: aroundPoint(pres) })} />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => setStep({ kind: 'need', demarchesOpen: step.from === 'demarche' })}
      >
        {m.back}
      </button>
    </section>
  );
}
