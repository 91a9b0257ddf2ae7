/**
 * The version of a contract in force on a civil date: of those effective on or before it, the one
 * effective latest; of several effective the same day, the highest version number (the later
 * amendment wins). Undefined before the first version takes effect.
 */
export function effectiveVersion<V extends { effectiveFrom: string; version: number }>(
  versions: readonly V[],
  onDate: string,
): V | undefined {
  let inForce: V | undefined;
  for (const candidate of versions) {
    // 'YYYY-MM-DD' strings order as the dates do.
    if (candidate.effectiveFrom > onDate) continue;
    if (
      !inForce ||
      candidate.effectiveFrom > inForce.effectiveFrom ||
      (candidate.effectiveFrom === inForce.effectiveFrom && candidate.version > inForce.version)
    )
      inForce = candidate;
  }
  return inForce;
}
