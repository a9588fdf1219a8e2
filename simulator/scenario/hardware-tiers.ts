// The hardware a component runs on: its one profile (`hardware`), or a device population
// (`hardware_mix`), each tier a profile and the share of users who own it.
import type { Component } from './schema';

export interface HardwareTier {
  hardware: string;
  share: number;
}

/** Shares of a mix must sum to 1 within this (three shares of 0.333 do not; 0.33, 0.33, 0.34 do). */
export const MIX_SHARE_TOLERANCE = 1e-3;

/** The component's tiers: one of share 1 for a single profile; a mix's shares normalised to sum to 1. */
export function hardwareTiers(component: Pick<Component, 'hardware' | 'hardware_mix'>): HardwareTier[] {
  const mix = component.hardware_mix;
  if (!mix || mix.length === 0) return [{ hardware: component.hardware ?? '', share: 1 }];
  const total = mix.reduce((sum, tier) => sum + tier.share, 0);
  return mix.map((tier) => ({ hardware: tier.hardware, share: total > 0 ? tier.share / total : 1 / mix.length }));
}

/** The profile that stands for the component where one is named (labels, a mix's first tier). */
export function mainHardware(component: Pick<Component, 'hardware' | 'hardware_mix'>): string {
  return component.hardware ?? component.hardware_mix?.[0]?.hardware ?? '';
}

/** A mix as text: "phone-low 30% / phone-midrange 70%". */
export function hardwareMixText(mix: readonly HardwareTier[]): string {
  return mix.map((tier) => `${tier.hardware} ${Math.round(tier.share * 1000) / 10}%`).join(' / ');
}
