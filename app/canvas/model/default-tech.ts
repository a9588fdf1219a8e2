// The technology a new link gets from the kinds of the components it joins: a wearable pairs
// with its phone over Bluetooth, a device reaches the cloud over cellular data, servers talk
// over Ethernet. The user can change it in the inspector.
import type { LinkTechnology } from '../../../simulator/scenario/link-technologies';

type Tier = 'wearable' | 'device' | 'edge' | 'server';

const TIERS: Record<string, Tier> = {
  wearable: 'wearable',
  camera: 'device',
  phone: 'device',
  edge: 'edge',
  cloud: 'server',
  serverless: 'server',
};

const BY_TIERS: Record<string, LinkTechnology> = {
  'wearable+wearable': 'bluetooth',
  'device+wearable': 'bluetooth',
  'edge+wearable': 'wifi',
  'server+wearable': 'lte',
  'device+device': 'wifi',
  'device+edge': 'wifi',
  'device+server': 'lte',
  'edge+edge': 'ethernet',
  'edge+server': 'wan',
  'server+server': 'ethernet',
};

export function defaultTech(kindA: string, kindB: string): LinkTechnology {
  const tiers = [TIERS[kindA] ?? 'device', TIERS[kindB] ?? 'device'].sort();
  return BY_TIERS[tiers.join('+')];
}
