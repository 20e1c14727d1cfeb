/**
 * Errors shaped like Office.js's `OfficeExtension.Error` ("RichApi.Error"): a `code` string the adapter can
 * branch on, a message, and `debugInfo` naming the statement that failed. Codes are Excel's own
 * (https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 */
export type SimErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidRequestContext"
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise"
  /** A read of more cells than Excel answers in one go (5,000,000 on every platform). */
  | "RangeExceedsLimit"
  /** A batch arrived while the user was editing a cell, and its run did not ask to wait (delayForCellEdit). */
  | "InvalidOperationInCellEditMode"
  /** Not an Excel code: the simulator's guard against a batch that syncs more often than its budget. */
  | "SyncBudgetExceeded";

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class SimError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: SimErrorCode;
  readonly debugInfo: SimDebugInfo;

  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** The error Office.js raises when a property is read that was not loaded and synced. */
export function propertyNotLoaded(property: string, type: string): SimError {
  return new SimError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object (${type}) and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
}

export function isSimError(e: unknown, code?: SimErrorCode): e is SimError {
  return e instanceof SimError && (code === undefined || e.code === code);
}
