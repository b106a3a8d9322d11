import Database from 'better-sqlite3'
import { PRODUCT_NAME } from '@shared/product'
console.log(PRODUCT_NAME, new Database(':memory:').prepare('select 1 as x').get())
