// "Benchmark on another device": the host serves a one-time page for the chosen model (as
// `placewise bench --on-device` does), and this shows where to open it (its URL and a QR code for
// a phone's camera), whether a device came, and lets the user cancel. The result arrives as
// the benchmark job's report, shown and used like a local benchmark's.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { DeviceSession } from '../../electron/api/contract';
import { usePlacewise, useSession } from '../context';

/** The QR code of `url` as an image the app's content security policy allows (a data: URL). */
function useQrCode(url: string | undefined): string | null {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    setImage(null);
    if (!url) return;
    let current = true;
    void QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((svg) => {
      if (current) setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [url]);
  return image;
}

function minutes(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function WaitingForDevice({ device }: { device: DeviceSession }) {
  const session = useSession();
  const first = device.urls[0];
  const qr = useQrCode(first);
  return (
    <div className="device-session" data-testid="device-session">
      {qr ? <img data-testid="device-qr" className="device-qr" src={qr} alt={`QR code of ${first}`} /> : null}
      <div className="device-session-text">
        <p className="device-status" role="status" data-testid="device-status">
          {device.connected
            ? 'Device connected: it is downloading the model and measuring it…'
            : `Waiting for a device to open the page (for up to ${minutes(device.timeoutS)})…`}
        </p>
        {first ? (
          <>
            <p>
              Open {device.urls.length === 1 ? 'this URL' : 'one of these URLs'} in the device's browser, or scan the
              code:
            </p>
            <ul className="device-urls">
              {device.urls.map((url) => (
                <li key={url}>
                  <code data-testid="device-url">{url}</code>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="banner banner-warning">
            This machine has no local network address for a device to reach: is it connected to a network?
          </p>
        )}
        <button data-testid="device-cancel" onClick={() => void session.benchmarks.cancel()}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** `model` and `iterations` are the Benchmark view's own choices; `disabled` says why it cannot start, if so. */
export function DeviceBenchmark({
  model,
  iterations,
  disabled,
}: {
  model: string;
  iterations: number;
  disabled: string | null;
}) {
  const session = useSession();
  const status = usePlacewise((state) => state.benchJob?.status);
  const [lan, setLan] = useState(false);
  const device = status?.state === 'running' ? status.device : undefined;
  return (
    <section className="bench-form" data-testid="device-bench">
      <h2>Benchmark on another device</h2>
      <p className="hint-inline">
        Measure the model in the browser of a phone, tablet, board or glasses: Placewise serves a one-time page that
        runs it with onnxruntime-web and sends back its latencies, which you can then use in the scenario as that
        device's hardware profile.
      </p>
      <label>
        <input
          type="checkbox"
          data-testid="device-lan"
          checked={lan}
          onChange={(event) => setLan(event.target.checked)}
        />
        Listen on the local network
      </label>
      <p className={lan ? 'banner banner-warning' : 'hint-inline'} data-testid="device-lan-note">
        {lan
          ? "The page will listen on this machine's local network (every interface): anyone on the network who has its URL can open it until it sends its result."
          : 'The page listens on this machine only (127.0.0.1). To reach it from a phone, listen on the local network.'}
      </p>
      <div className="bench-buttons">
        <button
          data-testid="device-run"
          disabled={disabled !== null}
          title={disabled ?? undefined}
          onClick={() => void session.benchmarks.onDevice({ model, lan, iterations, warmup: 3 })}
        >
          Benchmark on another device
        </button>
      </div>
      {device ? <WaitingForDevice device={device} /> : null}
    </section>
  );
}
