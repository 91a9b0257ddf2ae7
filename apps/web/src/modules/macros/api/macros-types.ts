import type { Case } from '../../cases/index.ts';

export type Language = 'en' | 'es-MX' | 'pl' | 'zh-CN';
export type MacroSharing = 'personal' | 'team' | 'everyone';
export type MessageVisibility = 'public' | 'internal';

export interface FieldActions {
  status?: string;
  priority?: string;
  priorityReason?: string;
  teamId?: string | null;
  assigneeId?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

export interface Macro {
  id: string;
  name: string;
  sharing: MacroSharing;
  team: { id: string; name: string } | null;
  owner: { id: string; displayName: string };
  bodies: Partial<Record<Language, string>>;
  visibility: MessageVisibility;
  actions: FieldActions;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What applying a macro to a case would post and change. */
export interface MacroPreview {
  language: Language;
  visibility: MessageVisibility;
  body: string;
  missingVariables: string[];
  changes: {
    status?: string;
    priority?: string;
    priorityReason?: string;
    teamId?: string | null;
    assigneeId?: string | null;
    tags?: string[];
  };
}

export interface MacroApplied {
  case: Case;
  message: { id: string; visibility: MessageVisibility; body: string; createdAt: string };
}
