import type { CustomerRecord } from '../store/repositories/customers'
import type { ArmSummaryRecord } from '../store/repositories/experiment-arm-summaries'
import type { ExperimentUnitRecord } from '../store/repositories/experiment-units'
import type { ExperimentDefinition } from '../store/repositories/experiments'
import type { PriorityItemRecord } from '../store/repositories/priority-items'
import type { SurveyResponseRecord } from '../store/repositories/survey-responses'
import type { TicketRecord } from '../store/repositories/tickets'
import type { ExperimentIntent, Language } from './manifest'

/** One deliberate typo: `from` was written as `to`. */
export interface Typo {
  from: string
  to: string
}

/**
 * What the generator meant a ticket to be. Returned to the caller (tests) and never written
 * into the workspace: the product has to find topics on its own.
 */
export interface TicketTruth {
  externalId: string
  /** The complaint topic, or null for noise. */
  topicId: string | null
  /** The kind of noise (thanks, question, spam, auto_reply), or null for a topic ticket. */
  noiseKind: string | null
  language: Language
  /** Both scripts on purpose (English terms in Chinese, or a Chinese phrase in English). */
  mixed: boolean
  typos: Typo[]
}

/** What the generator meant a survey response to be. */
export interface SurveyResponseTruth {
  externalId: string
  survey: 'relationship' | 'post_support'
  /** Topics the customer raised within the effect window before responding. */
  recentTopics: string[]
}

/** An experiment's design and the decision it is meant to lead to. */
export interface ExperimentTruth {
  key: string
  intent: ExperimentIntent
  storage: 'units' | 'summaries'
  primaryMetric: string
  controlArm: string
  intendedDecision: string
  arms: Array<{ name: string; intendedShare: number; assignmentShare: number; units: number }>
}

/** One generated experiment: its definition and either per-unit rows or per-arm summaries. */
export interface GeneratedExperiment {
  definition: ExperimentDefinition
  units: ExperimentUnitRecord[]
  summaries: ArmSummaryRecord[]
}

/** Everything the generator intended, aligned by index with the generated records. */
export interface DemoTruth {
  tickets: TicketTruth[]
  surveyResponses: SurveyResponseTruth[]
  experiments: ExperimentTruth[]
  /** The topic each priority item was made from. */
  priorityItemTopics: string[]
}

/** The demo workspace as plain records, plus the truth behind them. */
export interface DemoData {
  customers: CustomerRecord[]
  tickets: TicketRecord[]
  surveyResponses: SurveyResponseRecord[]
  experiments: GeneratedExperiment[]
  priorityItems: PriorityItemRecord[]
  /** The demo's "now" in epoch ms; import batches and priority items are dated then. */
  today: number
  timeZone: string
  truth: DemoTruth
}
