import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectLayout } from '../../../../src/main/core/import/layouts/detect-layout'
import { sharedDataFile } from '../../../helpers/shared-dir'
import { readCsvRows } from './read-fixture'

const DATA = dirname(sharedDataFile('ab_data.csv'))
const available = existsSync(`${DATA}/ab_data.csv`)

function roles(file: string): {
  detected: ReturnType<typeof detectLayout>
  map: Record<string, string | null>
} {
  const detected = detectLayout(readCsvRows(`${DATA}/${file}`, 200), { fileName: file })
  const map: Record<string, string | null> = {}
  for (const c of detected.mapping.columns)
    map[c.header] = c.name === undefined ? c.role : `${c.role}:${c.name}`
  return { detected, map }
}

describe.skipIf(!available)('layout detection on the shared real data', () => {
  it('ab_data.csv is per-user experiment data: assignment and exposure both kept', () => {
    const { detected, map } = roles('ab_data.csv')
    expect(detected.kind).toBe('experiment_units')
    expect(detected.preset).toBe('experiment-units')
    expect(map).toEqual({
      user_id: 'unitId',
      timestamp: 'timestamp',
      group: 'assignedArm',
      landing_page: 'exposedArm',
      converted: 'binaryMetric:converted'
    })
    expect(detected.mapping.experiment).toBe('ab_data')
    expect(detected.mapping.dateOrder).toBeNull()
    expect(detected.warnings).toEqual([])
  })

  it.each(['banking77_train.tickets.csv', 'onlineshop_neg_zh.dev.tickets.csv'])(
    '%s is tickets whose text is the description',
    (file) => {
      const { detected, map } = roles(file)
      expect(detected.kind).toBe('tickets')
      expect(detected.preset).toBe('generic-tickets')
      expect(detected.mapping.sourceSystem).toBe('generic')
      expect(map).toEqual({
        ticket_id: 'externalId',
        created_at: 'createdAt',
        channel: 'channel',
        customer_id: 'customerId',
        subject: 'subject',
        description: 'text',
        status: 'status'
      })
      expect(detected.warnings).toEqual([])
    }
  )

  it("never maps a label column (the benchmarks' ground truth) to anything", () => {
    const { map } = roles('banking77_train.labels.csv')
    expect(map.label).toBeNull()
  })
})
