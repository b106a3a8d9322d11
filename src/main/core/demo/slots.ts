import { DAY_MS, compactDate, dayStart, formatShortDate } from './calendar'
import type { CustomerProfile } from './generate-customers'
import type { DemoManifest, Language, TextSlot } from './manifest'
import { isTextSlot } from './manifest'
import type { Rng } from './rng'

/** Who writes, when, and in which language: everything a slot's value depends on. */
export interface SlotContext {
  language: Language
  customer: CustomerProfile
  at: number
}

const SLOT = /\{([A-Za-z]+)\}/g

/**
 * Fills `{slot}` placeholders with values that fit the writer: amounts in their currency, dates
 * shortly before the ticket, their app version at that time, their city, courier and device.
 * Within one `fill` a slot that occurs twice gets the same value.
 */
export class SlotFiller {
  private readonly releases: Array<{ version: string; at: number }>

  constructor(private readonly manifest: DemoManifest) {
    this.releases = manifest.releases.map((r) => ({ version: r.version, at: dayStart(r.date) }))
  }

  /** The template with every slot filled. */
  fill(rng: Rng, template: string, context: SlotContext): string {
    const values = new Map<string, string>()
    return template.replace(SLOT, (match, name: string) => {
      if (!isTextSlot(name)) return match
      let value = values.get(name)
      if (value === undefined) {
        value = this.value(rng, name, context)
        values.set(name, value)
      }
      return value
    })
  }

  /** The app version a customer most likely ran at a point in time (most update, some lag behind). */
  versionAt(rng: Rng, at: number): string {
    let latest = 0
    for (let i = 0; i < this.releases.length; i++) if ((this.releases[i]?.at ?? Infinity) <= at) latest = i
    const lag = rng.weightedIndex([0.65, 0.25, 0.1])
    return this.releases[Math.max(0, latest - lag)]?.version ?? '1.0.0'
  }

  private value(rng: Rng, slot: TextSlot, { language, customer, at }: SlotContext): string {
    const v = this.manifest.vocabulary
    const zh = language === 'zh'
    const region = customer.region
    switch (slot) {
      case 'order':
        return `BB${compactDate(at - rng.int(1, 12) * DAY_MS)}${String(rng.int(0, 99999)).padStart(5, '0')}`
      case 'amount': {
        const amount = rng.logNormal(v.amountMedianUsd * region.currency.perUsd, v.amountSigma)
        if (zh && region.currency.zhSuffix) return `${Math.round(amount)}${region.currency.zhSuffix}`
        return `${region.currency.symbol}${amount.toFixed(2)}`
      }
      case 'date':
        return formatShortDate(at - rng.int(1, 10) * DAY_MS, language, region.dateStyle)
      case 'days':
        return String(rng.int(3, 14))
      case 'version':
        return this.versionAt(rng, at)
      case 'city': {
        const city = rng.pick(region.cities)
        return zh ? city.zh : city.en
      }
      case 'product':
        return rng.pick(zh ? v.products.zh : v.products.en)
      case 'courier':
        return rng.pick(zh ? v.couriersZh : region.couriers)
      case 'card': {
        const digits = String(rng.int(0, 9999)).padStart(4, '0')
        return zh ? `尾号${digits}的${rng.pick(v.cardKindsZh)}` : `${rng.pick(v.cardBrands)} ending ${digits}`
      }
      case 'coins':
        return String(rng.int(5, 300) * 10)
      case 'phoneTail':
        return customer.phoneTail
      case 'seller':
        return rng.pick(zh ? v.sellers.zh : v.sellers.en)
      case 'payment':
        return rng.pick(zh ? v.payments.zh : v.payments.en)
      case 'voucher':
        return rng.pick(v.vouchers)
      case 'device': {
        const devices = v.devices[customer.platform]
        return rng.pick(zh ? devices.zh : devices.en)
      }
      case 'agent':
        return rng.pick(zh ? v.agents.zh : v.agents.en)
      case 'signupYear':
        return String(new Date(customer.signupAt).getUTCFullYear())
      case 'name':
        return customer.givenEn
      case 'fullName':
        return `${customer.givenEn} ${customer.familyEn}`
      case 'nameZh':
        return customer.nameZh ?? customer.givenEn
    }
  }
}
