import { lnBeta } from './distributions'

/** A Beta posterior. */
export interface BetaParams {
  alpha: number
  beta: number
}

/**
 * P(X > Y) for X ~ Beta(a.alpha, a.beta), Y ~ Beta(b.alpha, b.beta), exactly (Evan Miller's
 * closed form; needs an integer a.alpha, as posteriors of counts under integer priors have):
 * Σ_{i<αX} B(αY + i, βY + βX) / ((βX + i) · B(1 + i, βX) · B(αY, βY)).
 */
export function probabilityGreater(x: BetaParams, y: BetaParams): number {
  let total = 0
  const lnBy = lnBeta(y.alpha, y.beta)
  for (let i = 0; i < x.alpha; i++) {
    total += Math.exp(
      lnBeta(y.alpha + i, y.beta + x.beta) - Math.log(x.beta + i) - lnBeta(1 + i, x.beta) - lnBy
    )
  }
  return Math.min(1, Math.max(0, total))
}

export interface BayesBinomial {
  posteriorControl: BetaParams
  posteriorTreatment: BetaParams
  meanControl: number
  meanTreatment: number
  /** P(treatment rate > control rate). */
  pBeat: number
  /** E[max(control − treatment, 0)]: what choosing the treatment costs if it is worse. */
  expectedLossTreatment: number
  /** E[max(treatment − control, 0)]: what keeping the control costs if the treatment is better. */
  expectedLossControl: number
}

/**
 * The Bayesian view of a binary test with Beta priors (default Beta(1, 1)): the chance the
 * treatment beats the control and the expected loss of each choice, all in closed form
 * (Chris Stucchio's expected-loss formula over Evan Miller's sum).
 */
export function bayesBinomial(
  control: { successes: number; trials: number },
  treatment: { successes: number; trials: number },
  prior: BetaParams = { alpha: 1, beta: 1 }
): BayesBinomial {
  const a: BetaParams = {
    alpha: prior.alpha + control.successes,
    beta: prior.beta + control.trials - control.successes
  }
  const b: BetaParams = {
    alpha: prior.alpha + treatment.successes,
    beta: prior.beta + treatment.trials - treatment.successes
  }
  const mean = (p: BetaParams): number => p.alpha / (p.alpha + p.beta)
  const up = (p: BetaParams): BetaParams => ({ alpha: p.alpha + 1, beta: p.beta })
  // E[max(X − Y, 0)] = E[X]·P(X' > Y) − E[Y]·P(X > Y'), X' and Y' with α + 1.
  const loss = (x: BetaParams, y: BetaParams): number =>
    Math.max(0, mean(x) * probabilityGreater(up(x), y) - mean(y) * probabilityGreater(x, up(y)))
  return {
    posteriorControl: a,
    posteriorTreatment: b,
    meanControl: mean(a),
    meanTreatment: mean(b),
    pBeat: probabilityGreater(b, a),
    expectedLossTreatment: loss(a, b),
    expectedLossControl: loss(b, a)
  }
}
