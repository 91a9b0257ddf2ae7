// The macros module's public surface: the picker the case page embeds to preview and apply a macro,
// and the page's manager to write, change and delete them.
export { macrosKeys } from './api/macros-keys.ts';
export type { Macro, MacroApplied, MacroPreview } from './api/macros-types.ts';
export { MacroPicker } from './components/macro-picker.tsx';
export { MacrosManager } from './components/macros-manager.tsx';
export { useApplyMacro, useMacroPreview, useMacros } from './hooks/use-macros.ts';
