import { ApiError } from '@shared/api/errors'
import type { Db } from '../store/sqlite'

/** Makes `arm` the control of an experiment; it must be one of the experiment's arms. */
export function setControlArm(db: Db, experimentId: number, arm: string): void {
  const experiment = db.prepare('SELECT id FROM experiments WHERE id = ?').get(experimentId)
  if (!experiment)
    throw new ApiError('not_found', `There is no experiment ${experimentId} in this workspace.`)
  const arms = db
    .prepare(
      `SELECT assigned_arm AS arm FROM experiment_units WHERE experiment_id = @id
       UNION SELECT arm FROM experiment_arm_summaries WHERE experiment_id = @id`
    )
    .pluck()
    .all({ id: experimentId }) as string[]
  if (!arms.includes(arm)) {
    throw new ApiError(
      'invalid_input',
      `'${arm}' is not an arm of this experiment. Its arms: ${arms.sort().join(', ')}.`,
      {
        arms
      }
    )
  }
  db.transaction(() => {
    db.prepare('UPDATE experiments SET control_arm = ? WHERE id = ?').run(arm, experimentId)
    db.prepare('UPDATE experiment_arms SET is_control = (name = ?) WHERE experiment_id = ?').run(
      arm,
      experimentId
    )
  })()
}
