// The sla-policies module's public surface: the SLA policy type, its editor and read-only view, and
// the duration helper. Used by contracts (customer SLAs) and agreements (OLAs and underpinning contracts).
export { SlaPolicyEditor, type SlaPolicyEditorProps } from './components/sla-policy-editor.tsx';
export { SlaPolicyView } from './components/sla-policy-view.tsx';
export { formatDuration, parseDuration } from './duration.ts';
export { emptySlaPolicy, errorAt, policyErrorsOf } from './policy-form.ts';
export type { PolicyFieldError, SlaPolicy } from './sla-policy-types.ts';
