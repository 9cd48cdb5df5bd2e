import type { Frame, Page } from 'playwright-core';
import type { Action } from './learner-plan';
export function openPage(target: Page | Frame, pageId: string): Promise<void>;
export function playPlan(target: Page | Frame, plan: Action[]): Promise<void>;
