// CPU time of child processes from /proc (Linux): the scheduler's own
// per-thread run time in nanoseconds, so a process that waits for a core on a
// busy machine is not charged for the wait (unlike a wall clock).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const readStat = (pid) => {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may contain spaces; fields after it are space-separated.
    const close = s.lastIndexOf(')');
    const comm = s.slice(s.indexOf('(') + 1, close);
    const ppid = Number(s.slice(close + 2).split(' ')[1]);
    return { pid: Number(pid), comm, ppid };
  } catch {
    return undefined;
  }
};

/** PIDs of the descendants of `root` whose command name is `name`. */
export function descendantsNamed(root, name) {
  if (!existsSync('/proc/self/stat')) return [];
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(readStat).filter(Boolean);
  const kids = new Map();
  for (const p of all) kids.set(p.ppid, [...(kids.get(p.ppid) ?? []), p]);
  const out = [];
  const walk = (pid) => {
    for (const k of kids.get(pid) ?? []) {
      if (k.comm === name) out.push(k.pid);
      walk(k.pid);
    }
  };
  walk(root);
  return out;
}

/** On-CPU nanoseconds so far of every thread of `pids`, by thread id (undefined without /proc schedstat). */
export function threadCpuNs(pids) {
  const out = new Map();
  try {
    for (const pid of pids) {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          out.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
        } catch {
          // A thread that ended between the listing and the read.
        }
      }
    }
  } catch {
    return undefined;
  }
  return out;
}

/**
 * CPU nanoseconds between two snapshots: `busiest` is the thread that used the
 * most (the one running the JS — what a Worker's CPU limit counts), `all` the
 * sum over threads (adds V8's helper threads: concurrent GC, compilation).
 */
export function cpuDelta(before, after) {
  let busiest = 0;
  let all = 0;
  for (const [tid, ns] of after) {
    const d = ns - (before.get(tid) ?? 0);
    all += d;
    if (d > busiest) busiest = d;
  }
  return { busiest, all };
}
