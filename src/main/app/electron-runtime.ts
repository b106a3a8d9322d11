export { app } from 'electron'
