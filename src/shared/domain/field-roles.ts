/**
 * Canonical field roles: the one vocabulary that importers map source columns onto and that every
 * later capability reads. Defined once here; column names in the store follow the role ids in
 * snake_case (`createdAt` → `created_at`).
 */

export const RECORD_KINDS = [
  'tickets',
  'survey_responses',
  'customers',
  'experiment_units',
  'experiment_arm_summaries'
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** How a role's raw value is parsed. */
export type RoleValueType =
  | 'id' // an identifier, kept as text exactly as written
  | 'text' // free text
  | 'category' // a short label (channel, status, tier…)
  | 'datetime' // a point in time, stored as epoch milliseconds UTC
  | 'number' // a real number
  | 'integer'
  | 'binary' // 0/1, true/false, yes/no
  | 'tags' // a list of labels in one cell

export interface FieldRole {
  id: string
  valueType: RoleValueType
  /** A record cannot be stored without it. */
  required: boolean
  /** Several source columns may take this role (each keeps its column name). */
  multiple: boolean
}

const role = (
  id: string,
  valueType: RoleValueType,
  options: { required?: boolean; multiple?: boolean } = {}
): FieldRole => ({
  id,
  valueType,
  required: options.required ?? false,
  multiple: options.multiple ?? false
})

/**
 * Keep a column as an extra attribute of the record (stored, shown, not analysed). Never chosen
 * by detection: unrecognised columns are ignored unless the user keeps them, because vendor
 * exports carry personal data (IP addresses, e-mails, locations) nobody asked to store.
 */
export const ATTRIBUTE_ROLE = 'attribute'

/** The roles of each record kind, in the order a mapping editor lists them. */
export const FIELD_ROLES: Readonly<Record<RecordKind, readonly FieldRole[]>> = {
  tickets: [
    role('externalId', 'id'),
    role('sourceSystem', 'category'),
    role('createdAt', 'datetime', { required: true }),
    role('resolvedAt', 'datetime'),
    role('firstResponseAt', 'datetime'),
    role('channel', 'category'),
    role('status', 'category'),
    role('priority', 'category'),
    role('subject', 'text'),
    role('text', 'text', { required: true }),
    role('customerId', 'id'),
    role('rating', 'number'),
    role('tags', 'tags'),
    role(ATTRIBUTE_ROLE, 'text', { multiple: true })
  ],
  survey_responses: [
    role('externalId', 'id'),
    role('survey', 'category'),
    role('submittedAt', 'datetime', { required: true }),
    role('customerId', 'id'),
    role('csatScore', 'number'),
    role('csatScaleMax', 'number'),
    role('npsScore', 'integer'),
    role('comment', 'text'),
    role('channel', 'category'),
    role('segment', 'category', { multiple: true }),
    role(ATTRIBUTE_ROLE, 'text', { multiple: true })
  ],
  customers: [
    role('customerId', 'id', { required: true }),
    role('name', 'text'),
    role('tier', 'category'),
    role('region', 'category'),
    role('revenue', 'number'),
    role('signupAt', 'datetime'),
    role(ATTRIBUTE_ROLE, 'text', { multiple: true })
  ],
  experiment_units: [
    role('experiment', 'category'),
    role('unitId', 'id', { required: true }),
    role('assignedArm', 'category', { required: true }),
    role('exposedArm', 'category'),
    role('timestamp', 'datetime'),
    role('binaryMetric', 'binary', { multiple: true }),
    role('numericMetric', 'number', { multiple: true })
  ],
  experiment_arm_summaries: [
    role('experiment', 'category'),
    role('arm', 'category', { required: true }),
    role('metric', 'category'),
    role('units', 'integer', { required: true }),
    role('successes', 'integer'),
    role('mean', 'number'),
    role('sd', 'number'),
    role('n', 'integer'),
    role('intendedShare', 'number')
  ]
}

/** The role with this id in a record kind, if any. */
export function findRole(kind: RecordKind, id: string): FieldRole | undefined {
  return FIELD_ROLES[kind].find((r) => r.id === id)
}
