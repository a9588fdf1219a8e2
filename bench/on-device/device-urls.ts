// Where a device opens the benchmark page: on loopback, the one address the server listens on;
// with --lan, this machine's IPv4 address on each of its networks, as a phone on the same Wi-Fi
// reaches it. The CLI prints them, the app shows them (and a QR code of the first).
import { networkInterfaces } from 'node:os';

export interface DeviceListening {
  address: string;
  port: number;
  /** The page's path, with the one-time token: /TOKEN/. */
  path: string;
}

/** The page's URLs; none with `lan` when the machine is on no network. */
export function deviceUrls({ address, port, path }: DeviceListening, lan: boolean): string[] {
  const hosts = lan ? lanAddresses() : [address];
  return hosts.map((host) => `http://${host}:${port}${path}`);
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}
