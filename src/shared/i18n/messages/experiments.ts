import { defineMessages } from '../define'

/** Experiments: the reasons behind each decision (the CLI's JSON uses the English ones). */
export const experimentMessages = defineMessages(
  {
    'experiments.reason.invalid_srm':
      "The arms' sizes do not match the intended split (sample-ratio mismatch, p < {srmAlpha}), so the result cannot be trusted, whatever its p-value.",
    'experiments.reason.ship': '{arm} lifts {lift} ({p}), at least the minimum of {threshold}.',
    'experiments.reason.keep_control': '{arm} is significantly worse ({lift}, {p}).',
    'experiments.reason.below_threshold':
      '{arm} is better ({p}) but its lift of {lift} is below the minimum of {threshold}.',
    'experiments.reason.inconclusive': 'Not significant ({p}, α = {alpha}).',
    'experiments.reason.inconclusive.units':
      'Not significant ({p}, α = {alpha}). Detecting a lift of {threshold} with {power} power needs about {units} units per arm.',
    'experiments.reason.no_units': 'An arm has no units, so there is nothing to compare.',
    'experiments.reason.too_few_units': 'An arm has fewer than two units, so there is no test.',
    'experiments.reason.no_variation':
      'Every unit in both arms had the same outcome: there is no variation to test.',
    'experiments.p.none': 'no test',
    'experiments.p.below': 'p < 0.001',
    'experiments.p.value': 'p = {p}',
    'experiments.pp': '{value} pp'
  },
  {
    'experiments.reason.invalid_srm':
      '各组样本量与预定分配比例不符（样本比例失衡，p < {srmAlpha}），无论 p 值如何，结果都不可信。',
    'experiments.reason.ship': '{arm} 提升 {lift}（{p}），达到最小实际差异 {threshold}。',
    'experiments.reason.keep_control': '{arm} 显著更差（{lift}，{p}）。',
    'experiments.reason.below_threshold': '{arm} 更好（{p}），但提升 {lift} 低于最小实际差异 {threshold}。',
    'experiments.reason.inconclusive': '差异不显著（{p}，α = {alpha}）。',
    'experiments.reason.inconclusive.units':
      '差异不显著（{p}，α = {alpha}）。要以 {power} 的检验功效检测到 {threshold} 的提升，每组约需 {units} 个单位。',
    'experiments.reason.no_units': '有一组没有任何单位，无从比较。',
    'experiments.reason.too_few_units': '有一组不足两个单位，无法检验。',
    'experiments.reason.no_variation': '两组所有单位的结果都相同，没有可检验的差异。',
    'experiments.p.none': '未检验',
    'experiments.p.below': 'p < 0.001',
    'experiments.p.value': 'p = {p}',
    'experiments.pp': '{value} 个百分点'
  }
)
