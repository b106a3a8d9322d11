import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_GLOBAL } from '@shared/api/bridge'
import { buildBridge } from './bridge'

// Sandboxed preload: exposes the contract's methods and the event subscription, nothing else.
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, buildBridge(ipcRenderer))
