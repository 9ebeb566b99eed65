import { lazy, Suspense, useEffect, useRef } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useI18n } from '../../i18n';
import type { PlaceDetailProps } from './PlaceDetail';

// Opened by a click on a place: its code (and the report form's) need not travel with the first
// screen. It comes in parallel with the place's details, which App already asks for on the click.
const PlaceDetail = lazy(() => import('./PlaceDetail').then((m) => ({ default: m.PlaceDetail })));

const FRAME_TITLE_ID = 'place-detail-frame-title';

/**
 * While the code comes, and if it cannot: the panel's frame, which can always be closed. Its
 * heading takes focus as the panel's own does, so that the keyboard is never left on <body>.
 */
function Frame({ name, failed, onClose }: { name: string | null; failed: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    // Escape closes the panel from anywhere inside it: the key comes from its buttons and links.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      className="detail-area"
      aria-labelledby={FRAME_TITLE_ID}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <div className="detail-header">
        <h2 id={FRAME_TITLE_ID} ref={heading} tabIndex={-1}>
          {name ?? (failed ? t.detailUnavailable : t.detailLoading)}
        </h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p role={failed ? 'alert' : 'status'}>{failed ? t.detailUnavailable : t.detailLoading}</p>
    </section>
  );
}

export function LazyPlaceDetail(props: PlaceDetailProps) {
  return (
    <ErrorBoundary fallback={<Frame name={props.knownName} failed onClose={props.onClose} />}>
      <Suspense fallback={<Frame name={props.knownName} failed={false} onClose={props.onClose} />}>
        <PlaceDetail {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
