// The value readers: what people type in a cell, turned into typed values or an explicit "unreadable".
export * from "./types";
export * from "./normalise";
export * from "./number";
export * from "./money";
export * from "./date";
export * from "./course-time";
export * from "./choice";
export * from "./phone";
export * from "./codes";
export * from "./text";
