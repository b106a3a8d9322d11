/** Why the rule ships or not: exactly the codes of the reference file's practical_threshold cases. */
export type ShipReason = 'ship' | 'not_significant' | 'below_min_lift' | 'not_significant_and_below_min_lift'

export interface ShipRule {
  ship: boolean
  reasonCode: ShipReason
}

/**
 * Ship only when the test is significant (p < α, strictly) and the lift's point estimate is at
 * least the minimum practical difference (≥; a negative lift never qualifies). The lift is
 * relative (treatment / control − 1) or absolute (percentage points as a fraction) as the
 * workspace says. A null p or lift counts as not significant / below the threshold.
 */
export function shipRule(p: number | null, lift: number | null, alpha: number, minLift: number): ShipRule {
  const significant = p !== null && p < alpha
  const practical = lift !== null && lift >= minLift
  const reasonCode: ShipReason =
    significant && practical
      ? 'ship'
      : !significant && !practical
        ? 'not_significant_and_below_min_lift'
        : significant
          ? 'below_min_lift'
          : 'not_significant'
  return { ship: reasonCode === 'ship', reasonCode }
}
