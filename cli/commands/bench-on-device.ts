// `placewise bench --on-device MODEL`: serves the benchmark page, tells the user where to open it
// (the URL, and a QR code for a phone's camera when stderr is a terminal), and waits for the one
// result. The page's URL is the only secret: it goes to stderr, never into a results file.
import pc from 'picocolors';
import QRCode from 'qrcode';
import type { BenchReport } from '../../bench';
import {
  benchOnDevice,
  DeviceFailureError,
  DeviceResultError,
  DeviceTimeoutError,
  deviceUrls,
  type OnDeviceRequest,
} from '../../bench/on-device';

/** The result, or undefined when the run ended without one (the message is printed; exit 1). */
export async function measureOnDevice(request: OnDeviceRequest): Promise<BenchReport | undefined> {
  try {
    return await benchOnDevice(request, {
      onListening: ({ address, port, path }) => announce(request, address, port, path),
    });
  } catch (error) {
    if (error instanceof DeviceTimeoutError) {
      process.stderr.write(
        `placewise: bench --on-device: no result within ${error.timeoutS} s (raise --timeout to wait longer); the benchmark server has stopped\n`,
      );
      return undefined;
    }
    if (error instanceof DeviceFailureError || error instanceof DeviceResultError) {
      process.stderr.write(`placewise: bench --on-device: ${error.message}; the benchmark server has stopped\n`);
      return undefined;
    }
    throw error;
  }
}

function announce(request: OnDeviceRequest, address: string, port: number, path: string): void {
  const urls = deviceUrls({ address, port, path }, request.lan ?? false);
  const write = (line: string) => process.stderr.write(`${line}\n`);
  if (request.lan) {
    write(
      pc.yellow(
        `Listening on the local network (every interface, port ${port}): anyone on it who has the URL can open the page until it posts its result.`,
      ),
    );
  } else {
    write(`Listening on ${address}:${port} (this machine only; --lan listens on the local network).`);
  }
  write(`Open this URL in the browser of the device to measure ${request.model} on it:`);
  for (const url of urls) write(`  ${url}`);
  if (urls.length === 0) write(pc.yellow('  (this machine has no local network address: is it connected?)'));
  if (process.stderr.isTTY && urls[0]) {
    void QRCode.toString(urls[0], { type: 'terminal', small: true }).then((code) => process.stderr.write(code));
  }
}
