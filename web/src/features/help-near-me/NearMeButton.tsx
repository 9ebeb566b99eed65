import { useState } from 'react';
import { roundPosition } from '../../state/url-state';
import { useHelpMessages } from './messages';

type Problem = 'denied' | 'unavailable' | 'timeout';

interface Props {
  onPosition: (position: [number, number]) => void;
}

/**
 * Asks for the position only when pressed, rounds it to about 100 m at once, and hands it on:
 * it is never stored here nor sent anywhere but to our own API.
 */
export function NearMeButton({ onPosition }: Props) {
  const m = useHelpMessages();
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) return setProblem('unavailable');
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        onPosition(roundPosition(p.coords.longitude, p.coords.latitude));
      },
      (error) => {
        setLocating(false);
        setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable');
      },
      // A phone's network position is enough to sort by distance, and comes much faster than GPS.
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 5 * 60_000 },
    );
  };

  const text = { denied: m.nearMeDenied, unavailable: m.nearMeUnavailable, timeout: m.nearMeTimeout };
  return (
    <div className="near-me">
      <button type="button" className="button button-secondary near-me-button" onClick={locate} aria-describedby="near-me-privacy">
        <span aria-hidden="true" className="near-me-icon">
          ◎
        </span>{' '}
        {m.nearMe}
      </button>
      <p id="near-me-privacy" className="field-hint">
        {m.nearMePrivacy}
      </p>
      <p role="status" className="near-me-status">
        {locating ? m.nearMeLocating : ''}
      </p>
      {problem && (
        <p role="alert" className="near-me-problem">
          {text[problem]}
        </p>
      )}
    </div>
  );
}
