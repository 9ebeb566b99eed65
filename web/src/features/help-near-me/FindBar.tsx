import type { Commune, PlaceSummary } from '../../lib/api';
import { useHelpMessages } from './messages';
import { NearMeButton } from './NearMeButton';
import { PlaceSearch } from './PlaceSearch';
import './help-near-me.css';

interface Props {
  commune: string | null;
  nearMe: boolean;
  onCommune: (commune: Commune) => void;
  onLikelyCommune: (commune: Commune) => void;
  /** The person left the search field, or emptied it, without choosing. */
  onLeave: () => void;
  onPlace: (place: PlaceSummary) => void;
  onPosition: (position: [number, number]) => void;
  onStopNearMe: () => void;
}

/** "Where?": a commune, a postcode or a place by name, or the person's own position. */
export function FindBar({ commune, nearMe, onCommune, onLikelyCommune, onLeave, onPlace, onPosition, onStopNearMe }: Props) {
  const m = useHelpMessages();
  return (
    <div className="find-bar">
      <PlaceSearch initialText={commune ?? ''} onCommune={onCommune} onLikelyCommune={onLikelyCommune} onLeave={onLeave} onPlace={onPlace} takesOverPage />
      <div className="find-bar-near">
        <NearMeButton onPosition={onPosition} />
        {nearMe && (
          <button type="button" className="button button-secondary" onClick={onStopNearMe}>
            {m.nearMeStop}
          </button>
        )}
      </div>
    </div>
  );
}
