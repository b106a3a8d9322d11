import type { PriorityItemRecord } from '../store/repositories/priority-items'
import type { DemoData } from './demo-data'
import { CustomerSampler, generateCustomers } from './generate-customers'
import { generateExperiments } from './generate-experiments'
import { generateSurveyResponses } from './generate-surveys'
import { generateTickets } from './generate-tickets'
import type { DemoManifest } from './manifest'
import { loadDemoManifest } from './manifest'
import { Rng } from './rng'
import { SlotFiller } from './slots'

export interface GenerateDemoOptions {
  manifest?: DemoManifest
  /** Overrides the manifest's seed (tests use it to show the seed matters). */
  seed?: string
}

/**
 * Generates the whole demo as plain records plus the truth behind them. Pure: the same manifest
 * and seed give the same result. Each part draws from its own stream of the seed, so changing
 * one part of the generator does not reshuffle the others.
 */
export function generateDemo(options: GenerateDemoOptions = {}): DemoData {
  const manifest = options.manifest ?? loadDemoManifest()
  const rng = new Rng(options.seed ?? manifest.seed)
  const slots = new SlotFiller(manifest)

  const customers = generateCustomers(manifest, rng.fork('customers'))
  const sampler = new CustomerSampler(customers.profiles)
  const tickets = generateTickets(manifest, sampler, slots, rng.fork('tickets'))
  const responses = generateSurveyResponses(manifest, customers.profiles, tickets, slots, rng.fork('surveys'))
  // A post-support response is also the ticket's satisfaction rating in the help desk.
  for (const response of responses) {
    const ticket = response.ticketIndex === null ? undefined : tickets[response.ticketIndex]
    if (ticket) ticket.record.rating = response.record.csatScore
  }
  const experiments = generateExperiments(manifest, rng.fork('experiments'))
  const { items, topics } = priorityItems(manifest)

  return {
    customers: customers.records,
    tickets: tickets.map((t) => t.record),
    surveyResponses: responses.map((r) => r.record),
    experiments: experiments.experiments,
    priorityItems: items,
    today: Date.parse(manifest.today),
    timeZone: manifest.timeZone,
    truth: {
      tickets: tickets.map((t) => t.truth),
      surveyResponses: responses.map((r) => r.truth),
      experiments: experiments.truth,
      priorityItemTopics: topics
    }
  }
}

/**
 * A priority item for every topic with an effort estimate, titled in both of the customers'
 * languages as a bilingual team writes it; themes get linked once clustering exists.
 */
function priorityItems(manifest: DemoManifest): { items: PriorityItemRecord[]; topics: string[] } {
  const at = Date.parse(manifest.today)
  const items: PriorityItemRecord[] = []
  const topics: string[] = []
  for (const topic of manifest.topics) {
    if (!topic.effort) continue
    items.push({
      title: `${topic.name.en} / ${topic.name.zh}`,
      description: topic.effort.proposal,
      status: 'new',
      owner: topic.effort.owner,
      note: `Effort estimated by the ${topic.effort.owner} team in Q4 planning; group its themes under it once themes are built.`,
      effortWeeks: topic.effort.weeks,
      effortSize: topic.effort.size,
      createdAt: at,
      updatedAt: at
    })
    topics.push(topic.id)
  }
  return { items, topics }
}
