import type { BrowsableTable } from '@shared/domain/data-browser'
import type { MessageKey } from '@shared/i18n/catalog'
import type { I18n } from '../i18n/i18n'
import { isMessageKey } from '@shared/i18n/message-key'

/** How the workbench names and draws each browsable table. */
export const TABLE_META: Readonly<Record<BrowsableTable, { title: MessageKey; icon: string }>> = {
  tickets: { title: 'table.tickets', icon: 'comment-discussion' },
  survey_responses: { title: 'table.survey_responses', icon: 'feedback' },
  customers: { title: 'table.customers', icon: 'organization' },
  experiments: { title: 'table.experiments', icon: 'beaker' },
  import_batches: { title: 'table.import_batches', icon: 'archive' }
}

/** The translated header of a column; unknown columns show their id rather than nothing. */
export function columnLabel(i18n: I18n, columnId: string): string {
  const key = `column.${columnId}`
  return isMessageKey(key) ? i18n.t(key) : columnId
}
