// Public API of @rapport/ui. Import styles once: `import "@rapport/ui/styles.css"`.
export { cx } from "./lib/cx";
export * from "./components/button/button";
export * from "./components/form-field/form-field";
export * from "./components/text-field/text-field";
export * from "./components/textarea/textarea";
export * from "./components/select/select";
export * from "./components/checkbox/checkbox";
export * from "./components/card/card";
export * from "./components/empty-state/empty-state";
export * from "./components/alert/alert";
export * from "./components/badge/badge";
export * from "./components/app-shell/app-shell";
export * from "./components/page-header/page-header";
export * from "./components/progress-bar/progress-bar";
export * from "./components/skeleton/skeleton";
export * from "./components/metric-tile/metric-tile";
export * from "./components/not-enough-data/not-enough-data";
export * from "./components/table/table";
