import { cpus, loadavg, release, totalmem } from 'node:os';

export type Machine = {
  cpu: string; cores: number; ramGB: number; node: string; os: string;
  /** Load average over 1 minute when read: other work on the machine slows every figure down. */
  load: number;
};

/** The machine the figures were measured on, read from the system so that the report cannot drift from it. */
export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'inconnu',
    cores: list.length,
    ramGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    load: Math.round(loadavg()[0]! * 10) / 10,
  };
}

export const describeMachine = (m: Machine) => `${m.cpu}, ${m.cores} cœurs, ${m.ramGB} Go de RAM, Node ${m.node}, ${m.os}, charge moyenne ${m.load}`;
