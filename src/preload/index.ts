import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { BRIDGE_GLOBAL } from '@shared/api/bridge'
import { buildBridge } from './bridge'

// Sandboxed preload: exposes the contract's methods, the event subscription and the path of a
// dropped file (so a dropped export can be imported by path), nothing else.
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildBridge(ipcRenderer, (file: File) => webUtils.getPathForFile(file))
)
