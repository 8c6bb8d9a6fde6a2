// What the numbers were measured on.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** CPU model (from /proc/cpuinfo), core count, memory and Node version. */
export function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return {
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
