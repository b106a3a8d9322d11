import { z } from 'zod'

/** Row counts of what a workspace holds. */
export const WorkspaceCountsSchema = z.strictObject({
  tickets: z.number().int(),
  surveyResponses: z.number().int(),
  customers: z.number().int(),
  experiments: z.number().int(),
  importBatches: z.number().int(),
  themes: z.number().int(),
  priorityItems: z.number().int()
})
export type WorkspaceCounts = z.infer<typeof WorkspaceCountsSchema>

/** What the workbench shows about the open workspace. */
export const WorkspaceInfoSchema = z.strictObject({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  /** Epoch milliseconds. */
  createdAt: z.number(),
  sizeBytes: z.number().int(),
  isDemo: z.boolean(),
  counts: WorkspaceCountsSchema,
  /** Backups written before migrations on this open, if any. */
  backupsWritten: z.array(z.string())
})
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>
