import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The link as a QR code, drawn in the page: no image service ever sees the link. */
export function QrCode({ value, alt, size = 160 }: { value: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) => current && setSrc('data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg)),
      () => current && setSrc(null),
    );
    return () => {
      current = false;
    };
  }, [value]);
  return src ? <img className="sheet-qr" src={src} alt={alt} width={size} height={size} /> : null;
}
