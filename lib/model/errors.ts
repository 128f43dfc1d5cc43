/**
 * Typed errors of the capacity model. They are for invalid input and for asking a queue formula
 * about an unstable queue; a configuration that is valid but cannot be sized is returned as an
 * `{ kind: 'infeasible' }` value instead (see `types.ts`).
 */
import type { z } from 'zod';

export interface InputIssue {
  /** Dotted path of the offending field, e.g. 'stages.1.cpuMsPerEvent'. */
  path: string;
  message: string;
}

/** Input the model cannot use: fails its zod schema, or a direct call got a non-finite number. */
export class ModelInputError extends Error {
  override readonly name = 'ModelInputError';
  readonly issues: InputIssue[];

  constructor(subject: string, issues: InputIssue[]) {
    super(`Invalid ${subject}: ${issues.map((issue) => (issue.path ? `${issue.path}: ` : '') + issue.message).join(' ')}`);
    this.issues = issues;
  }

  static fromZod(subject: string, error: z.ZodError): ModelInputError {
    return new ModelInputError(
      subject,
      error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    );
  }
}

/**
 * The offered load is at or above the number of servers (ρ ≥ 1): the queue grows without bound,
 * so waiting-time formulas have no finite answer.
 */
export class UnstableQueueError extends Error {
  override readonly name = 'UnstableQueueError';
  readonly servers: number;
  readonly offeredLoadErlangs: number;
  readonly utilization: number;

  constructor(servers: number, offeredLoadErlangs: number) {
    const utilization = offeredLoadErlangs / servers;
    super(
      `Unstable queue: utilization ${utilization.toPrecision(4)} ≥ 1 (offered load ` +
        `${offeredLoadErlangs.toPrecision(6)} Erlangs on ${servers} servers); waiting time grows ` +
        'without bound. Add servers or reduce the load.',
    );
    this.servers = servers;
    this.offeredLoadErlangs = offeredLoadErlangs;
    this.utilization = utilization;
  }
}
