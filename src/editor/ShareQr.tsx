/**
 * The QR code of a share link, drawn by `qrcode` as an SVG string and shown through an <img> with a
 * data: URL, so no markup is ever inserted into the page.
 */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code image of `link` (nothing while it is being drawn, a note when it cannot be drawn). */
export function ShareQr({ link }: { link: string }) {
  const [drawn, setDrawn] = useState<{ link: string; src?: string; error?: string }>();
  useEffect(() => {
    let live = true;
    QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 }).then(
      (svg) => {
        if (live)
          setDrawn({ link, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      },
      (e: unknown) => {
        if (live) setDrawn({ link, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [link]);
  if (drawn?.link !== link) return null;
  if (drawn.error !== undefined)
    return <p className="muted small">No QR code: it could not be drawn ({drawn.error}).</p>;
  return (
    <img
      className="share-qr"
      src={drawn.src}
      width={240}
      height={240}
      alt="QR code of the share link"
      data-testid="share-qr"
    />
  );
}
