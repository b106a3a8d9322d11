import { contextBridge } from 'electron'
import { PRODUCT_NAME } from '@shared/product'
contextBridge.exposeInMainWorld('loopbench', { name: PRODUCT_NAME })
