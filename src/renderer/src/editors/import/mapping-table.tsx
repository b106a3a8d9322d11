import type { ReactElement } from 'react'
import { memo } from 'react'
import type { RecordKind } from '@shared/domain/field-roles'
import { findRole } from '@shared/domain/field-roles'
import type { ColumnMapping, ColumnProfile, ImportMapping, ImportPreview } from '@shared/domain/import'
import { Codicon } from '../../components/codicon'
import type { I18n } from '../../i18n/i18n'
import { useI18n } from '../../i18n/i18n-context'
import { useWorkbench } from '../../state/workbench-context'
import type { NameProblem } from './import-mapping'
import { columnNameProblems, orderedRoles } from './import-mapping'
import { roleLabel } from './import-labels'

const IGNORE = ''

const TYPE_ICONS: Readonly<Record<ColumnProfile['inferredType'], string>> = {
  empty: 'circle-slash',
  text: 'symbol-string',
  id: 'symbol-key',
  integer: 'symbol-number',
  number: 'symbol-number',
  percent: 'symbol-operator',
  datetime: 'calendar',
  binary: 'symbol-boolean'
}

/**
 * The file's first rows with, above each column, what the column becomes: its role (grouped,
 * required first, or ignored), a name for segment and metric columns, and the inferred type.
 */
export function MappingTable({
  preview,
  mapping
}: {
  preview: ImportPreview
  mapping: ImportMapping
}): ReactElement {
  const i18n = useI18n()
  const { t, fmt } = i18n
  const problems = columnNameProblems(mapping)
  const profiles = new Map(preview.columns.map((p) => [p.index, p]))
  return (
    <div className="lb-import-table-wrap" data-testid="import-mapping">
      <table className="lb-import-table">
        <caption className="lb-visually-hidden">
          {t('import.columns.sample', { count: fmt.integer(preview.sample.length) })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="lb-import-line-head">
              {t('import.columns.line')}
            </th>
            {mapping.columns.map((column) => (
              <ColumnHead
                key={column.index}
                column={column}
                mapping={mapping}
                profile={profiles.get(column.index)}
                problem={problems.get(column.index)}
                i18n={i18n}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row) => (
            <tr key={row.line}>
              <th scope="row" className="lb-import-line">
                {fmt.integer(row.line)}
              </th>
              {mapping.columns.map((column) => {
                const value = row.values[column.index] ?? ''
                return (
                  <td
                    key={column.index}
                    className={column.role === null ? 'is-ignored' : undefined}
                    title={value.length > 24 ? value : undefined}
                  >
                    {value === '' ? <span className="lb-import-null">—</span> : value}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.sample.length === 0 && (
        <p className="lb-import-muted lb-import-pad">{t('import.columns.noSample')}</p>
      )}
    </div>
  )
}

const ColumnHead = memo(function ColumnHead({
  column,
  mapping,
  profile,
  problem,
  i18n
}: {
  column: ColumnMapping
  mapping: ImportMapping
  profile: ColumnProfile | undefined
  problem: NameProblem | undefined
  i18n: I18n
}): ReactElement {
  const wb = useWorkbench()
  const { t, fmt } = i18n
  const spec = column.role === null ? undefined : findRole(mapping.kind, column.role)
  const header = column.header || `#${column.index + 1}`
  const nameId = `lb-import-name-${column.index}`
  const errorId = `lb-import-name-error-${column.index}`
  const examples = profile?.examples.slice(0, 3) ?? []
  return (
    <th
      scope="col"
      className={`lb-import-column${column.role === null ? ' is-ignored' : ''}${spec?.required ? ' is-required' : ''}`}
      data-testid={`import-column-${column.index}`}
      data-role={column.role ?? ''}
    >
      <div className="lb-import-column-header" title={header}>
        {header}
      </div>
      <RoleSelect column={column} kind={mapping.kind} mapping={mapping} i18n={i18n} />
      {spec?.multiple && (
        <div className="lb-import-column-name">
          <label htmlFor={nameId} className="lb-visually-hidden">
            {t(column.role === 'segment' ? 'import.columns.segmentName' : 'import.columns.metricName')}
          </label>
          <input
            id={nameId}
            className="lb-input"
            value={column.name ?? ''}
            placeholder={t(
              column.role === 'segment' ? 'import.columns.segmentName' : 'import.columns.metricName'
            )}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? errorId : undefined}
            data-testid={`import-column-name-${column.index}`}
            onChange={(e) => wb.imports.edit({ type: 'name', index: column.index, name: e.target.value })}
          />
          {problem && (
            <span id={errorId} className="lb-import-field-error" role="alert">
              {t(problem === 'empty' ? 'import.columns.nameEmpty' : 'import.columns.nameDuplicate')}
            </span>
          )}
        </div>
      )}
      {profile && (
        <div
          className="lb-import-column-type"
          title={
            examples.length > 0 ? t('import.columns.examples', { examples: examples.join(' · ') }) : undefined
          }
        >
          <span className="lb-import-type" data-testid={`import-column-type-${column.index}`}>
            <Codicon name={TYPE_ICONS[profile.inferredType]} />
            {t(`import.type.${profile.inferredType}`)}
          </span>
          {profile.emptyShare > 0 && (
            <span className="lb-import-empty-share">
              {t('import.columns.emptyShare', { percent: fmt.percent(profile.emptyShare, 0) })}
            </span>
          )}
        </div>
      )}
    </th>
  )
})

function RoleSelect({
  column,
  kind,
  mapping,
  i18n
}: {
  column: ColumnMapping
  kind: RecordKind
  mapping: ImportMapping
  i18n: I18n
}): ReactElement {
  const wb = useWorkbench()
  const { t } = i18n
  const { required, optional } = orderedRoles(kind)
  const holder = (role: string): ColumnMapping | undefined =>
    mapping.columns.find((c) => c.role === role && c.index !== column.index)
  const option = (role: { id: string; multiple: boolean }): ReactElement => {
    const other = role.multiple ? undefined : holder(role.id)
    const label = roleLabel(i18n, role.id)
    return (
      <option key={role.id} value={role.id}>
        {other ? t('import.columns.taken', { role: label, header: other.header }) : label}
      </option>
    )
  }
  return (
    <select
      className="lb-select lb-import-role"
      value={column.role ?? IGNORE}
      aria-label={t('import.columns.roleOf', { header: column.header || `#${column.index + 1}` })}
      data-testid={`import-role-${column.index}`}
      onChange={(e) =>
        wb.imports.edit({
          type: 'role',
          index: column.index,
          role: e.target.value === IGNORE ? null : e.target.value
        })
      }
    >
      <option value={IGNORE}>{t('import.columns.ignore')}</option>
      <optgroup label={t('import.columns.group.required')}>{required.map(option)}</optgroup>
      <optgroup label={t('import.columns.group.optional')}>{optional.map(option)}</optgroup>
    </select>
  )
}
