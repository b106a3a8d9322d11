import { z } from 'zod'
import type { AnalysisSettings } from '../domain/settings'
import { AnalysisSettingsPatchSchema } from '../domain/settings'
import type { RecentWorkspace, UserPreferences } from '../domain/preferences'
import { UserPreferencesPatchSchema } from '../domain/preferences'
import type { WorkspaceInfo } from '../domain/workspace'
import type { JobInfo } from '../domain/jobs'
import { JobIdSchema } from '../domain/jobs'
import type { DistinctValue, SearchStatus, SqlResult, TablePage, TableSummary } from '../domain/data-browser'
import { DistinctRequestSchema, SqlQueryRequestSchema, TablePageRequestSchema } from '../domain/data-browser'
import type {
  ImportBatchInfo,
  ImportPreview,
  ImportResult,
  RejectedRow,
  SavedMapping,
  UndoResult
} from '../domain/import'
import {
  ImportMappingSchema,
  ImportOptionsSchema,
  ImportSourceSchema,
  ReadOptionsSchema
} from '../domain/import'
import { RECORD_KINDS } from '../domain/field-roles'
import type { ExperimentsReport, PowerResult } from '../domain/experiments'
import { ExperimentsRequestSchema, PowerRequestSchema } from '../domain/experiments'
import type { MetricsComments, MetricsPlan, MetricsReport } from '../domain/metrics'
import type {
  PriorityEditResult,
  PriorityExport,
  PriorityList,
  PriorityOverrideEntry,
  ThemeSuggestions
} from '../domain/priorities'
import {
  PriorityCreateRequestSchema,
  PriorityEditRequestSchema,
  PriorityExportRequestSchema,
  PriorityFormulaSchema,
  PriorityFreezeRequestSchema,
  PrioritySuggestRequestSchema,
  PriorityListRequestSchema,
  PriorityOverrideRequestSchema,
  PriorityOverridesRequestSchema,
  PriorityRowIdSchema
} from '../domain/priorities'
import type { ReportExport } from '../domain/report'
import { ReportExportRequestSchema } from '../domain/report'
import type { Taxonomy, ThemeDetail, ThemeEditResult, ThemesOverview, ThemeTicket } from '../domain/themes'
import {
  TaxonomySchema,
  ThemeDetailRequestSchema,
  ThemeFlagRequestSchema,
  ThemeFromRuleRequestSchema,
  ThemeMergeRequestSchema,
  ThemeMoveTicketRequestSchema,
  ThemeRenameRequestSchema,
  ThemeSplitRequestSchema,
  ThemesListRequestSchema,
  ThemesRunRequestSchema,
  ThemeTicketsRequestSchema
} from '../domain/themes'
import {
  MetricsCommentsRequestSchema,
  MetricsPlanRequestSchema,
  MetricsRequestSchema
} from '../domain/metrics'
import type { MethodName } from './method-names'

export type { MethodName } from './method-names'
export { METHOD_NAMES } from './method-names'

/** Which host the backend runs in; the renderer adapts a few affordances to it. */
export type HostKind = 'electron' | 'web' | 'cli'

/** What the current host can do beyond the common contract. */
export interface HostCapabilities {
  /** Open, create and switch workspaces (the web host stays on the one it was started with). */
  switchWorkspace: boolean
  /** Native file dialogs (desktop only). */
  nativeDialogs: boolean
  /** Files reach the backend by upload rather than by path (web host). */
  upload: boolean
}

export interface AppInfo {
  name: string
  version: string
  host: HostKind
  capabilities: HostCapabilities
  platform: string
  /** The analysis engine's workspace schema version. */
  schemaVersion: number
}

/** Output marker: carries the output type for inference, has no runtime value. */
export interface Returns<T> {
  readonly __returns?: T
}
const returns = <T>(): Returns<T> => ({})

/** A method of the contract: how its input is validated and what it returns. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  output: Returns<O>
}

const method = <I extends z.ZodType, O>(input: I, output: Returns<O>): MethodSpec<I, O> => ({
  input,
  output
})

const NoInput = z.strictObject({})
const WorkspacePath = z.strictObject({ path: z.string().min(1).max(4096) })

/**
 * The workbench API. Every host exposes exactly these methods; the preload exposes them and
 * nothing else; every input is validated with its schema before a handler runs.
 */
export const contract = {
  'app.info': method(NoInput, returns<AppInfo>()),

  'workspace.info': method(NoInput, returns<WorkspaceInfo | null>()),
  'workspace.open': method(WorkspacePath, returns<WorkspaceInfo>()),
  'workspace.create': method(WorkspacePath, returns<WorkspaceInfo>()),
  'workspace.openDemo': method(NoInput, returns<WorkspaceInfo>()),
  'workspace.close': method(NoInput, returns<null>()),
  'workspace.recent': method(NoInput, returns<RecentWorkspace[]>()),
  'workspace.forgetRecent': method(WorkspacePath, returns<RecentWorkspace[]>()),
  'workspace.pickPath': method(
    z.strictObject({ mode: z.enum(['open', 'create']) }),
    returns<string | null>()
  ),

  'settings.get': method(NoInput, returns<AnalysisSettings>()),
  'settings.update': method(
    z.strictObject({ patch: AnalysisSettingsPatchSchema }),
    returns<AnalysisSettings>()
  ),

  'preferences.get': method(NoInput, returns<UserPreferences>()),
  'preferences.update': method(
    z.strictObject({ patch: UserPreferencesPatchSchema }),
    returns<UserPreferences>()
  ),

  'jobs.list': method(NoInput, returns<JobInfo[]>()),
  'jobs.cancel': method(JobIdSchema, returns<JobInfo>()),

  'data.tables': method(NoInput, returns<TableSummary[]>()),
  'data.page': method(TablePageRequestSchema, returns<TablePage>()),
  'data.distinct': method(DistinctRequestSchema, returns<DistinctValue[]>()),

  /** Desktop: the native file dialog for files to import. */
  'import.pickFile': method(NoInput, returns<string | null>()),
  /** Reads the start of a file: format, encoding, headers, sample rows, detected kind and mapping. */
  'import.inspect': method(
    z.strictObject({
      source: ImportSourceSchema,
      read: ReadOptionsSchema.optional(),
      /** Force a record kind instead of detecting it. */
      kind: z.enum(RECORD_KINDS).optional()
    }),
    returns<ImportPreview>()
  ),
  /** Starts an import as a background job; its outcome comes from `import.result`. */
  'import.start': method(
    z.strictObject({
      source: ImportSourceSchema,
      read: ReadOptionsSchema,
      mapping: ImportMappingSchema,
      options: ImportOptionsSchema
    }),
    returns<{ jobId: string }>()
  ),
  'import.result': method(z.strictObject({ jobId: z.string().min(1).max(64) }), returns<ImportResult>()),
  'import.mappings': method(NoInput, returns<SavedMapping[]>()),
  'import.saveMapping': method(
    z.strictObject({
      name: z.string().min(1).max(200),
      headers: z.array(z.string().max(1000)).min(1).max(2000),
      mapping: ImportMappingSchema
    }),
    returns<SavedMapping>()
  ),

  'batches.list': method(NoInput, returns<ImportBatchInfo[]>()),
  'batches.rejects': method(
    z.strictObject({
      batchId: z.number().int().gte(1),
      offset: z.number().int().gte(0),
      limit: z.number().int().gte(1).lte(1000)
    }),
    returns<{ total: number; rows: RejectedRow[] }>()
  ),
  /** Removes a batch; the workspace becomes what the remaining batches imply. */
  'batches.undo': method(z.strictObject({ batchId: z.number().int().gte(1) }), returns<UndoResult>()),

  'search.status': method(NoInput, returns<SearchStatus>()),

  /** CSAT and NPS over a date range, overall and by period or segment, with tested changes. */
  'metrics.report': method(MetricsRequestSchema, returns<MetricsReport>()),
  /** The comments behind one point of the dashboard, newest first. */
  'metrics.comments': method(MetricsCommentsRequestSchema, returns<MetricsComments>()),
  /** Survey planning: the margin of error with n responses, or the responses a margin needs. */
  'metrics.plan': method(MetricsPlanRequestSchema, returns<MetricsPlan>()),

  /** Units per arm to detect an effect in a binary metric, and the days that takes. */
  'experiments.power': method(PowerRequestSchema, returns<PowerResult>()),
  /** Every experiment analysed with the workspace's settings (or these overrides). */
  'experiments.list': method(ExperimentsRequestSchema, returns<ExperimentsReport>()),
  /** Makes one of an experiment's arms its control (the analysis compares every other arm with it). */
  'experiments.setControl': method(
    z.strictObject({ experimentId: z.number().int().gte(1), arm: z.string().min(1).max(500) }),
    returns<null>()
  ),

  /** Every theme with its volume, trend and satisfaction impact in a quarter. */
  'themes.list': method(ThemesListRequestSchema, returns<ThemesOverview>()),
  /** One theme for the editor: examples, trend, split by channel and segment. */
  'themes.detail': method(ThemeDetailRequestSchema, returns<ThemeDetail>()),
  /** A page of a theme's tickets, most typical first. */
  'themes.tickets': method(ThemeTicketsRequestSchema, returns<{ total: number; rows: ThemeTicket[] }>()),
  /** Clusters every ticket again as a background job; edits survive (see match-themes). */
  'themes.run': method(ThemesRunRequestSchema, returns<{ jobId: string }>()),
  'themes.rename': method(ThemeRenameRequestSchema, returns<ThemeEditResult>()),
  'themes.merge': method(ThemeMergeRequestSchema, returns<ThemeEditResult>()),
  'themes.split': method(ThemeSplitRequestSchema, returns<ThemeEditResult>()),
  /** Excludes a theme (not a complaint) or takes it back (value false). */
  'themes.exclude': method(ThemeFlagRequestSchema, returns<ThemeEditResult>()),
  'themes.pin': method(ThemeFlagRequestSchema, returns<ThemeEditResult>()),
  /** Puts one ticket in another theme; a re-run keeps it there. */
  'themes.moveTicket': method(ThemeMoveTicketRequestSchema, returns<ThemeEditResult>()),
  /** A theme of the tickets that match a search rule. */
  'themes.createFromRule': method(ThemeFromRuleRequestSchema, returns<ThemeEditResult>()),
  /** Every ticket's theme (merges followed; null before the first run), in ticket order. */
  'themes.assignments': method(NoInput, returns<Array<{ ticketId: string; themeId: number | null }>>()),
  'themes.exportTaxonomy': method(NoInput, returns<Taxonomy>()),
  'themes.importTaxonomy': method(z.strictObject({ taxonomy: TaxonomySchema }), returns<ThemeEditResult>()),

  /** The feature-priority list of a quarter (default: the latest with tickets), scored and ranked. */
  'priorities.list': method(PriorityListRequestSchema, returns<PriorityList>()),
  /** The list as Markdown, CSV, JSON or a Jira/Linear import CSV. */
  'priorities.export': method(PriorityExportRequestSchema, returns<PriorityExport>()),
  /** A new item: added by hand, or grouping themes (a theme in another item moves to it). */
  'priorities.createItem': method(PriorityCreateRequestSchema, returns<PriorityEditResult>()),
  /** Changes an item's fields, themes or experiments; a theme's row becomes an item. */
  'priorities.editItem': method(PriorityEditRequestSchema, returns<PriorityEditResult>()),
  'priorities.deleteItem': method(z.strictObject({ row: PriorityRowIdSchema }), returns<null>()),
  /** A manual rank in a quarter, with the note that says why (kept in the audit trail). */
  'priorities.override': method(PriorityOverrideRequestSchema, returns<PriorityEditResult>()),
  /** The audit trail of manual ranks, newest first. */
  'priorities.overrides': method(PriorityOverridesRequestSchema, returns<PriorityOverrideEntry[]>()),
  /** Themes an item's title is about, best first, to group under it. */
  'priorities.suggestThemes': method(PrioritySuggestRequestSchema, returns<ThemeSuggestions>()),
  /** Freezes a quarter's list as a snapshot (what the next quarter compares with), or unfreezes it. */
  'priorities.freeze': method(PriorityFreezeRequestSchema, returns<PriorityList>()),
  /** Saves the score's constants (the formula stays RICE-style). */
  'priorities.setFormula': method(z.strictObject({ formula: PriorityFormulaSchema }), returns<null>()),

  /** The quarterly review report as one self-contained HTML page, or that page printed to PDF. */
  'report.export': method(ReportExportRequestSchema, returns<ReportExport>()),

  /** Runs one read-only statement on a separate read-only connection, with row and time limits. */
  'sql.query': method(SqlQueryRequestSchema, returns<SqlResult>()),
  /** Stops the running console query, if any. */
  'sql.cancel': method(NoInput, returns<null>())
} as const satisfies Record<MethodName, MethodSpec>

export type Contract = typeof contract
/** Compile-time check that the contract has no method missing from METHOD_NAMES. */
type ExtraMethods = Exclude<keyof Contract, MethodName>
const _noExtraMethods: ExtraMethods extends never ? true : never = true
void _noExtraMethods
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = Contract[M]['output'] extends Returns<infer O> ? O : never

/** True if `name` is a method of the contract. */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** What a host implements: one handler per method, receiving validated input. */
export type WorkbenchHandlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>
}
