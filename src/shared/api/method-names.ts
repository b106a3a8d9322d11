/**
 * The names of every workbench method, with no dependencies, so that the preload can expose
 * them without bundling the schemas. `contract.ts` is checked at compile time to have exactly
 * these keys.
 */
export const METHOD_NAMES = [
  'app.info',
  'workspace.info',
  'workspace.open',
  'workspace.create',
  'workspace.openDemo',
  'workspace.close',
  'workspace.recent',
  'workspace.forgetRecent',
  'workspace.pickPath',
  'settings.get',
  'settings.update',
  'preferences.get',
  'preferences.update',
  'jobs.list',
  'jobs.cancel',
  'data.tables',
  'data.page',
  'data.distinct',
  'import.pickFile',
  'import.inspect',
  'import.start',
  'import.result',
  'import.mappings',
  'import.saveMapping',
  'batches.list',
  'batches.rejects',
  'batches.undo',
  'search.status',
  'metrics.report',
  'metrics.comments',
  'metrics.plan',
  'experiments.power',
  'experiments.list',
  'experiments.setControl',
  'sql.query',
  'sql.cancel'
] as const

export type MethodName = (typeof METHOD_NAMES)[number]
