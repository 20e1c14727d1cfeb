export { OfficeWorkbookPort, createOfficePort, type OfficePortOptions } from "./office-port";
export { OfficeAdapterError, type OfficeErrorKind } from "./errors";
export { REQUIREMENTS, type ExcelRun, type IsSetSupported } from "./host";
export { MARKS_SETTING_KEY } from "./marks-store";
