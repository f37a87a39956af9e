export * from "./escape";
export * from "./from-assessment";
export * from "./input";
export * from "./links";
export * from "./render";
