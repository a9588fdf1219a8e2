// Runs a fuzz plan in child processes and gathers what broke the rule. A file that gets no
// answer within `stallMs` is a violation of its own ("no answer"): its child is stopped and a
// new one goes on from the next file, so one such file does not hide the others.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FuzzJob, FuzzLine, FuzzPlan, MutationRef } from './fuzz-plan';

const CHILD = fileURLToPath(new URL('./fuzz-child.ts', import.meta.url));

export interface FuzzReport {
  files: number;
  /** How many files got each kind of answer: results, refused, internal error, no answer. */
  answers: Record<string, number>;
  violations: (MutationRef & { problems: string[] })[];
  slowest?: MutationRef & { ms: number };
}

interface ChildEnd {
  lines: FuzzLine[];
  /** The file it was on when it stopped answering, if it did. */
  stalled?: MutationRef;
  exit: string;
}

function runChild(plan: FuzzPlan, stallMs: number): Promise<ChildEnd> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(plan)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: FuzzLine[] = [];
    let current: MutationRef | undefined;
    let stalled: MutationRef | undefined;
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = current;
        child.kill('SIGKILL');
      }, stallMs);
    };
    watch();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const part of parts) {
        const line = JSON.parse(part) as FuzzLine;
        lines.push(line);
        current = line.event === 'start' ? { scenario: line.scenario, index: line.index, kind: line.kind } : undefined;
        watch();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // A child that dies on its own (out of memory, a crash) leaves the file it was on unanswered too.
      if (code !== 0) stalled ??= current;
      resolve({ lines, stalled, exit: signal ?? `exit ${code}${stderr ? `: ${stderr.trim().slice(-500)}` : ''}` });
    });
  });
}

/** The jobs left after `stopped`: the rest of its scenario, then the scenarios after it. */
function jobsAfter(jobs: FuzzJob[], stopped: MutationRef): FuzzJob[] {
  const at = jobs.findIndex((job) => job.scenario === stopped.scenario);
  const rest = { ...jobs[at], from: stopped.index + 1 };
  return [...(rest.from < rest.to ? [rest] : []), ...jobs.slice(at + 1)];
}

async function runJobs(plan: FuzzPlan, stallMs: number, report: FuzzReport): Promise<void> {
  const count = (answer: string) => {
    report.files++;
    report.answers[answer] = (report.answers[answer] ?? 0) + 1;
  };
  let jobs = plan.jobs;
  while (jobs.length > 0) {
    const end = await runChild({ ...plan, jobs }, stallMs);
    for (const line of end.lines) {
      if (line.event !== 'answered') continue;
      const { scenario, index, kind, ms, problems } = line;
      count(line.answer);
      if (problems.length > 0) report.violations.push({ scenario, index, kind, problems });
      if (ms > (report.slowest?.ms ?? 0)) report.slowest = { scenario, index, kind, ms };
    }
    if (!end.stalled) {
      if (end.exit !== 'exit 0') throw new Error(`the fuzz child failed: ${end.exit}`);
      return;
    }
    count('no answer');
    report.violations.push({ ...end.stalled, problems: [`no answer within ${stallMs / 1000} s (${end.exit})`] });
    jobs = jobsAfter(jobs, end.stalled);
  }
}

/** Runs the plan's jobs in `children` processes at once (the scenarios dealt out between them). */
export async function runFuzz(plan: FuzzPlan, stallMs: number, children = 1): Promise<FuzzReport> {
  const report: FuzzReport = { files: 0, answers: {}, violations: [] };
  const groups = Array.from({ length: children }, (_, child) =>
    plan.jobs.filter((_job, index) => index % children === child),
  );
  await Promise.all(groups.map((jobs) => runJobs({ ...plan, jobs }, stallMs, report)));
  return report;
}
