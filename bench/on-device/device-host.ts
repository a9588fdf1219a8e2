// The device as its browser describes it, as the `host` of a results file. A browser tells no CPU
// model, so the host is named from the browser and the operating system in its user agent
// (`device-chrome-131-android`): importing the file puts it under a hardware profile of that name.
import type { BenchHost } from '../report/bench-report';
import type { DeviceMeasurement } from './device-protocol';

/** A results file's host, with what only a browser tells added (DESIGN.md: additions only). */
export interface DeviceHost extends BenchHost {
  user_agent: string;
  browser: string;
  /** onnxruntime-web's execution provider that ran the model: wasm or webgpu. */
  execution_provider: DeviceMeasurement['executionProvider'];
  cross_origin_isolated: boolean;
}

interface UserAgentParts {
  browser: string;
  version: string;
  os: string;
}

// Order matters: Edge, Opera and Samsung Internet also say Chrome, and Chrome also says Safari.
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/Android (\d+)/, (match) => `Android ${match[1]}`],
  [/\((iPhone|iPad|iPod)[^)]*OS (\d+)/, (match) => `${match[1]} iOS ${match[2]}`],
  [/CrOS/, () => 'ChromeOS'],
  [/Windows NT/, () => 'Windows'],
  [/Mac OS X/, () => 'macOS'],
  [/Linux/, () => 'Linux'],
];

export function parseUserAgent(userAgent: string): UserAgentParts {
  let browser = 'browser';
  let version = '';
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      browser = name;
      version = match[1];
      break;
    }
  }
  let os = 'unknown OS';
  for (const [pattern, describe] of SYSTEMS) {
    const match = pattern.exec(userAgent);
    if (match) {
      os = describe(match);
      break;
    }
  }
  return { browser, version, os };
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function describeDevice(measurement: DeviceMeasurement): DeviceHost {
  const { browser, version, os } = parseUserAgent(measurement.userAgent);
  const browserName = version ? `${browser} ${version}` : browser;
  // The OS name without its version: a phone updated later is still the same hardware profile.
  const device = slug(os.replace(/ \d+$/, ''));
  return {
    name: `device-${slug(browser)}${version ? `-${version}` : ''}-${device || 'unknown'}`,
    cpu: `${os} device (as ${browserName} tells it)`,
    cores: measurement.hardwareConcurrency,
    memory_gb: measurement.deviceMemoryGb ?? 0,
    os,
    node: `none (${browserName})`,
    onnxruntime: `web ${measurement.onnxruntime}`,
    user_agent: measurement.userAgent,
    browser: browserName,
    execution_provider: measurement.executionProvider,
    cross_origin_isolated: measurement.crossOriginIsolated,
  };
}
