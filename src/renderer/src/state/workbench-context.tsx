import { createContext, useContext } from 'react'
import type { WorkbenchController } from './workbench-controller'

const WorkbenchContext = createContext<WorkbenchController | null>(null)

/** Provides the window's controller to every part. */
export const WorkbenchProvider = WorkbenchContext.Provider

/** The window's controller; parts read its stores and call its methods. */
export function useWorkbench(): WorkbenchController {
  const wb = useContext(WorkbenchContext)
  if (!wb) throw new Error('useWorkbench must be used inside <WorkbenchProvider>')
  return wb
}
