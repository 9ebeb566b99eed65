import { PageHeading, SimplePage, withLang } from '../components/SimplePage';
import { useI18n } from '../i18n';
import { Link } from '../router';

/** The RGAA's sections, in its order; what was tested is what our automated browser tests do. */
const statement = {
  fr: {
    title: 'Déclaration d’accessibilité',
    intro:
      'Repères s’engage à rendre son site accessible à tous, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au site Repères (carte, liste, fiches des lieux, parcours « De quoi avez-vous besoin ? »).',
    stateTitle: 'État de conformité',
    state:
      'Le site Repères est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1. Aucun audit complet n’a encore été réalisé.',
    resultsTitle: 'Résultats des tests',
    results: [
      'Contrôle automatique avec axe-core (règles WCAG 2.1 niveaux A et AA) sur chaque page et chaque état : accueil, parcours des besoins, résultats, liste vide, erreur, fiche d’un lieu, version anglaise, cette page. Aucune erreur détectée.',
      'Parcours au clavier seul : recherche d’une commune, parcours des besoins, liste, fiche d’un lieu. Le focus reste visible et n’est jamais bloqué dans la carte.',
      'Affichage sur 320 pixels de large et zoom à 200 % : pas de défilement horizontal.',
    ],
    gapsTitle: 'Contenus non accessibles',
    gaps: [
      'La carte elle-même ne peut pas être lue par un lecteur d’écran. La liste des lieux donne les mêmes informations.',
      'Les descriptions des services viennent des sources de données et n’existent qu’en français.',
      'Les horaires de certains lieux ne sont connus que sous forme de texte libre, tel que la source les donne.',
    ],
    envTitle: 'Environnement de test',
    env: ['Navigateur : Chromium 156 sans interface (headless), sous Linux.', 'Outil : axe-core 4.14, avec Playwright.'],
    contactTitle: 'Retour d’information et contact',
    contact:
      'Si vous ne pouvez pas accéder à un contenu ou à un service, dites-le-nous pour que nous trouvions une solution. Écrivez-nous en ouvrant un ticket (« issue ») dans le suivi des demandes du dépôt du code source de Repères. Décrivez la page et ce qui vous a bloqué.',
    remedyTitle: 'Voies de recours',
    remedy:
      'Si vous nous avez signalé un défaut d’accessibilité et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez :',
    remedies: [
      'écrire un message au Défenseur des droits (formulaire en ligne sur defenseurdesdroits.fr) ;',
      'contacter le délégué du Défenseur des droits dans votre région ;',
      'envoyer un courrier gratuit, sans timbre, à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
    ],
    back: 'Revenir à la carte des lieux',
  },
  en: {
    title: 'Accessibility statement',
    intro:
      'Repères is committed to making its website accessible to everyone, as required by article 47 of French law no. 2005-102 of 11 February 2005. This statement covers the Repères website (map, list, place pages, the “What do you need?” journey).',
    stateTitle: 'Compliance status',
    state:
      'The Repères website is partially compliant with the French accessibility standard (RGAA), version 4.1. No full audit has been carried out yet.',
    resultsTitle: 'Test results',
    results: [
      'Automated checks with axe-core (WCAG 2.1 level A and AA rules) on every page and state: home, needs journey, results, empty list, error, place page, English version, this page. No errors found.',
      'Keyboard-only journeys: searching a town, the needs journey, the list, a place page. Focus stays visible and is never trapped in the map.',
      'Display 320 pixels wide and at 200% zoom: no horizontal scrolling.',
    ],
    gapsTitle: 'Content that is not accessible',
    gaps: [
      'The map itself cannot be read by a screen reader. The list of places gives the same information.',
      'Service descriptions come from the data sources and exist in French only.',
      'Some places’ hours are only known as free text, as the source gives them.',
    ],
    envTitle: 'Test environment',
    env: ['Browser: headless Chromium 156, on Linux.', 'Tool: axe-core 4.14, with Playwright.'],
    contactTitle: 'Feedback and contact',
    contact:
      'If you cannot access some content or a service, tell us so that we can find a solution. Write to us by opening an issue in the issue tracker of the Repères source code repository. Describe the page and what stopped you.',
    remedyTitle: 'Legal remedies',
    remedy: 'If you reported an accessibility problem and did not get a satisfactory answer, you can:',
    remedies: [
      'write to the Défenseur des droits (online form on defenseurdesdroits.fr);',
      'contact the Défenseur des droits delegate in your region;',
      'send a free letter, without a stamp, to: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
    ],
    back: 'Back to the map of places',
  },
} satisfies Record<'fr' | 'en', unknown>;

export function AccessibilityPage() {
  return (
    <SimplePage>
      <Statement />
    </SimplePage>
  );
}

function Statement() {
  const { lang } = useI18n();
  const s = statement[lang];
  return (
    <article className="statement">
      <PageHeading>{s.title}</PageHeading>
      <p>{s.intro}</p>
      <h2>{s.stateTitle}</h2>
      <p>{s.state}</p>
      <h2>{s.resultsTitle}</h2>
      <ul>
        {s.results.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h2>{s.gapsTitle}</h2>
      <ul>
        {s.gaps.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
      <h2>{s.envTitle}</h2>
      <ul>
        {s.env.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <h2>{s.contactTitle}</h2>
      <p>{s.contact}</p>
      <h2>{s.remedyTitle}</h2>
      <p>{s.remedy}</p>
      <ul>
        {s.remedies.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p>
        <Link href={withLang('/', lang)}>{s.back}</Link>
      </p>
    </article>
  );
}
