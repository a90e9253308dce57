/** Stable error codes: users and tests match on these, so a code never changes its meaning. */
export type ErrorCode =
  | 'PIPELINE_INVALID'
  | 'PIPELINE_FORMAT_TOO_NEW'
  | 'PIPELINE_CYCLE'
  | 'UNKNOWN_OPERATOR'
  | 'UNKNOWN_VERSION'
  | 'BAD_PARAMS'
  | 'BAD_EDGE'
  | 'LAS_READ'
  | 'CSV_READ'
  | 'FILE_NOT_FOUND'
  | 'LINK_INVALID'
  | 'LINK_TOO_LARGE'
  | 'NODE_FAILED'
  | 'SQL_ERROR'
  | 'PERMISSION'
  | 'WORKER_CRASHED'
  | 'WORKER_TIMEOUT'
  | 'CANCELLED'
  | 'STORAGE'
  | 'INTERNAL';

/**
 * A user-facing error as plain data, so it survives a worker boundary (comlink keeps only name,
 * message and stack of a thrown Error). `message` says what is wrong, where, and what to do.
 */
export interface PetroflowError {
  readonly code: ErrorCode;
  readonly message: string;
  /** The pipeline node concerned, when there is one. */
  readonly nodeId?: string;
  /** The operator of that node, when known. */
  readonly op?: string;
  /** A JSON path or parameter name inside the pipeline or node (e.g. `params.grMax`). */
  readonly field?: string;
  /** The input file concerned, when there is one. */
  readonly file?: string;
  /** 1-based line number inside `file`, when known. */
  readonly line?: number;
}

/** Builds a `PetroflowError` (one place, so every error has the same shape). */
export function petroflowError(
  code: ErrorCode,
  message: string,
  where: Omit<PetroflowError, 'code' | 'message'> = {},
): PetroflowError {
  return { code, message, ...where };
}

/** Thrown form of a `PetroflowError`, for code paths where exceptions are the natural flow. */
export class PetroflowException extends Error {
  /** The plain-data error carried by this exception. */
  readonly detail: PetroflowError;
  constructor(detail: PetroflowError) {
    super(detail.message);
    this.name = 'PetroflowException';
    this.detail = detail;
  }
}
