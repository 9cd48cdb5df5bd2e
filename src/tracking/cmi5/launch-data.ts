// LMS.LaunchData (cmi5 §10.2.1), read from the State API and validated: the context template the
// AU must use for every statement, the launch mode, masteryScore, moveOn, returnURL.
import type { Context } from '@xapi/xapi';
import type { Lang } from '../../content/types';
import { CMI5 } from '../../xapi/vocabulary';

export interface Cmi5LaunchData {
  contextTemplate: Context;
  launchMode: 'Normal' | 'Browse' | 'Review';
  /** 0–1, or null when the LMS set none. */
  masteryScore: number | null;
  moveOn: string | null;
  returnUrl: string | null;
  launchParameters: string | null;
  sessionId: string | null;
}

export function parseLaunchData(value: unknown): Cmi5LaunchData | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const template = v.contextTemplate;
  if (!template || typeof template !== 'object' || Array.isArray(template)) return null;
  const launchMode = v.launchMode;
  if (launchMode !== 'Normal' && launchMode !== 'Browse' && launchMode !== 'Review') return null;
  const mastery = typeof v.masteryScore === 'number' && v.masteryScore >= 0 && v.masteryScore <= 1 ? v.masteryScore : null;
  const returnUrl = typeof v.returnURL === 'string' && /^(https?:\/\/|\/)/.test(v.returnURL) ? v.returnURL : null;
  const ext = ((template as Context).extensions ?? {}) as Record<string, unknown>;
  return {
    contextTemplate: template as Context,
    launchMode,
    masteryScore: mastery,
    moveOn: typeof v.moveOn === 'string' ? v.moveOn : null,
    returnUrl,
    launchParameters: typeof v.launchParameters === 'string' ? v.launchParameters : null,
    sessionId: typeof ext[CMI5.sessionId] === 'string' ? (ext[CMI5.sessionId] as string) : null,
  };
}

/** The first language in cmi5LearnerPreferences.languagePreference that the course has. */
export function preferredLanguage(preferences: unknown, available: readonly Lang[]): Lang | null {
  const pref = preferences && typeof preferences === 'object' ? (preferences as Record<string, unknown>).languagePreference : null;
  if (typeof pref !== 'string') return null;
  for (const tag of pref.split(',')) {
    const primary = tag.trim().toLowerCase().split('-')[0] as Lang;
    if (available.includes(primary)) return primary;
  }
  return null;
}
