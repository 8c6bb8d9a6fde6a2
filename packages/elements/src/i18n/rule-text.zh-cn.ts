/**
 * The catalogue's rules explain a refusal in English ("must be between 2 and
 * 10000 Mbit/s"): one wording, shared by the Worker, the emulator and the
 * elements. This gives the Simplified Chinese of each, for the elements' zh-CN
 * texts; a message it does not know stays English rather than being lost.
 * Part of the on-demand zh-CN locale, so English pages never carry it.
 *
 * @example ruleText('must be between 2 and 10000 Mbit/s') // '须介于 2 到 10000 Mbit/s 之间'
 */
const RULES: [RegExp, (...m: string[]) => string][] = [
  [/^must be at most (\d+) characters \(got (\d+)\)$/, (max, got) => `最多 ${max} 个字符（当前 ${got} 个）`],
  [/^must be (\d+)–(\d+) characters \(got (\d+)\)$/, (min, max, got) => `须为 ${min}–${max} 个字符（当前 ${got} 个）`],
  [/^must be (\d+)–(\d+) characters$/, (min, max) => `须为 ${min}–${max} 个字符`],
  [/^must not start with http:\/\/ or https:\/\/$/, () => '不能以 http:// 或 https:// 开头'],
  [/^must start with a letter and contain only letters, digits, _ and -$/, () => '须以字母开头，只能包含字母、数字、_ 和 -'],
  [/^must be printable ASCII$/, () => '只能包含可打印的 ASCII 字符'],
  [/^must be a whole number of Mbit\/s$/, () => '须为整数（Mbit/s）'],
  [/^must be between (\d+) and (\d+) Mbit\/s$/, (min, max) => `须介于 ${min} 到 ${max} Mbit/s 之间`],
  [/^must be a whole number of Mbit\/s, 0 or more$/, () => '须为 0 或更大的整数（Mbit/s）'],
  [/^must be an IPv4 address$/, () => '须为 IPv4 地址'],
  [/^must be an IPv4 address such as (\S+)$/, (ip) => `须为 IPv4 地址，例如 ${ip}`],
  [/^must be an IPv4 CIDR block such as 10\.0\.0\.0\/8$/, () => '须为 IPv4 网段，例如 10.0.0.0/8'],
  [/^must be a private address in (.+)$/, (blocks) => `须为私网地址（${blocks.replace(' or ', '、').replaceAll(', ', '、')}）`],
  [/^must be a whole number from (\d+) to (\d+)( s)?$/, (min, max, s) => `须为 ${min} 到 ${max} 之间的整数${s ? ' 秒' : ''}`],
  [/^must be an Alibaba Cloud account ID \(digits only\)$/, () => '须为阿里云账号 ID（仅数字）'],
  [/^must be one of ([\d, ]+) when PricingCycle is (Month|Year) \(got (\d+)\)$/, (list, cycle, got) => `按${cycle === 'Year' ? '年' : '月'}计费时须为 ${list.replaceAll(', ', '、')} 之一（当前 ${got}）`],
];

export function ruleText(why: string): string {
  for (const [re, zh] of RULES) {
    const m = re.exec(why);
    if (m) return zh(...m.slice(1).map((x) => x ?? ''));
  }
  return why;
}
