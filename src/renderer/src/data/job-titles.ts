import type { JobInfo, JobKind } from '@shared/domain/jobs'
import type { MessageKey } from '@shared/i18n/catalog'

/** Translated titles of background jobs; the backend's titles are English. */
const JOB_TITLES: Readonly<Record<JobKind, MessageKey>> = {
  'demo.build': 'job.demo.build',
  'import.inspect': 'job.import.inspect',
  'import.run': 'job.import.run',
  'import.undo': 'job.import.undo',
  'search.index': 'job.search.index',
  'sql.query': 'job.sql.query',
  'themes.run': 'job.themes.run',
  'themes.assign': 'job.themes.assign'
}

/** The message key of a job's title, when its kind is known. */
export function jobTitleKey(job: Pick<JobInfo, 'kind'>): MessageKey | undefined {
  return Object.prototype.hasOwnProperty.call(JOB_TITLES, job.kind) ? JOB_TITLES[job.kind] : undefined
}
