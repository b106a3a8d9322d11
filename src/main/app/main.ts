import { app } from './electron-runtime'
void app.whenReady()
