import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

/** ppid and process group of a process, from /proc/<pid>/stat (the name in parentheses may hold spaces). */
function parentAndGroup(pid: number): { ppid: number; pgrp: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [, , ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 1).split(' ');
    return { ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return undefined; // gone meanwhile
  }
}

/**
 * The process that really serves, in the group of `leader`: the leader itself for the built
 * server, its child for a command that starts node under a wrapper (tsx runs the bare route).
 */
export function serverPid(leader: number): number {
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === leader) continue;
    const info = parentAndGroup(pid);
    if (info?.pgrp === leader && info.ppid === leader) return pid;
  }
  return leader;
}

/** Resident memory now and at its peak (VmRSS, VmHWM), in MB. */
export function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
}

export type Timed = { seconds: number; peakMB: number | null; code: number; stdout: string; stderr: string };

/**
 * Runs a command to its end, timing it. GNU time reports the largest resident set among the
 * processes it waited for, which covers the node process behind tsx; without it, no peak is given.
 */
export async function timed(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Timed> {
  const dir = mkdtempSync(join(tmpdir(), 'reperes-time-'));
  const report = join(dir, 'time.txt');
  const withTime = existsSync(TIME);
  const [cmd, argv] = withTime ? [TIME, ['-f', '%M', '-o', report, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const peakKb = withTime && existsSync(report) ? Number(readFileSync(report, 'utf8').trim().split('\n').at(-1)) : NaN;
  rmSync(dir, { recursive: true, force: true });
  return { seconds, peakMB: Number.isFinite(peakKb) ? peakKb / 1024 : null, code, stdout, stderr };
}
