import type { WallTime } from '../../time/time-zone'

/** The largest serial Excel accepts: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2_958_465

/**
 * The wall time of an Excel serial number in the 1900 date system (Windows Excel's default).
 * Serial 1 is 1900-01-01. Excel counts a 29 February 1900 that never existed (serial 60, the
 * Lotus 1-2-3 leap-year bug it kept for compatibility), so serials from 61 on are one day ahead of
 * a true count; serial 60 itself has no real date. The fraction is the time of day.
 */
export function excelSerialToWallTime(serial: number): WallTime | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return null
  const whole = Math.floor(serial)
  if (whole === 60) return null
  // Day 0 of the true count is 1899-12-31; from serial 61 on, subtract the phantom 1900-02-29.
  const days = whole < 60 ? whole : whole - 1
  const base = Date.UTC(1899, 11, 31) + days * 86_400_000
  // Round the time of day to the millisecond: serials carry binary fractions like 0.59999999.
  const ms = Math.round((serial - whole) * 86_400_000)
  const d = new Date(base + ms)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds()
  }
}
