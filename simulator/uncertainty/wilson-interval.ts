// Wilson's score interval of a share: unlike the normal approximation it stays inside [0, 1]
// and keeps its coverage for shares near 0 or 1 (success rates), however few the trials.

/** Wilson's score interval of a share observed in n trials, `z` standard errors wide each way. */
export function wilson(share: number, n: number, z: number): [number, number] | undefined {
  if (n < 1) return undefined;
  const z2 = z * z;
  const centre = (share + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [centre - half, centre + half];
}
