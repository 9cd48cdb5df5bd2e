// The learner's session: where they are, what they have done, and the calls to the tracker.
// Components read it and call its methods; it is the only place that talks to the Tracker.
import type { CourseOutline, CoursePage, Module, ScoredItem, QuizItem } from '../content/types';
import type { LaunchData, Snapshot, Tracker } from '../tracking/tracker';
import type { Response } from '../quiz/response';
import { moduleLoaders, loadCoursePages } from 'virtual:module-loaders';
import { flattenPages, type FlatPage } from './pages';
import { courseShapeOf, decodeState, emptyState, encodeState, type CourseShape, type LearnerState } from '../tracking/state';
import { scoreItem } from '../quiz/score';

export type View = { kind: 'home' } | { kind: 'page'; index: number } | { kind: 'coursePage'; id: string };

export class CourseSession {
  readonly pages: FlatPage[];
  readonly shape: CourseShape;
  view = $state<View>({ kind: 'home' });
  state = $state<LearnerState>() as LearnerState;
  modules = $state<Record<string, Module>>({});
  coursePages = $state<CoursePage[] | null>(null);
  notices = $state<string[]>([]);
  private finished = false;
  private readonly startedAt = Date.now();

  private constructor(readonly outline: CourseOutline, readonly tracker: Tracker, readonly launch: LaunchData) {
    this.pages = flattenPages(outline);
    this.shape = courseShapeOf(outline);
    this.notices = [...launch.notices];
    const decoded = launch.savedState ? decodeState(launch.savedState, this.shape) : null;
    if (decoded && !decoded.ok && decoded.reason !== 'empty') this.notices.push(`notice.state.${decoded.reason}`);
    this.state = decoded?.ok ? decoded.state : emptyState(this.shape);
    tracker.onNotice((n) => {
      if (!this.notices.includes(n.key)) this.notices.push(n.key);
    });
  }

  static async start(outline: CourseOutline, tracker: Tracker): Promise<CourseSession> {
    const launch = await tracker.start();
    const session = new CourseSession(outline, tracker, launch);
    session.listenForLeaving();
    return session;
  }

  get progressPercent(): number {
    const seen = this.state.visited.filter(Boolean).length;
    return Math.round((seen / this.pages.length) * 100);
  }

  get resumeIndex(): number | null {
    const visitedAny = this.state.visited.some(Boolean);
    return visitedAny ? Math.min(this.state.bookmark, this.pages.length - 1) : null;
  }

  moduleProgress(moduleIndex: number): { seen: number; total: number } {
    const pages = this.pages.filter((p) => p.moduleIndex === moduleIndex);
    return { seen: pages.filter((p) => this.state.visited[p.index]).length, total: pages.length };
  }

  snapshot(): Snapshot {
    const page = this.pages[this.state.bookmark] ?? this.pages[0];
    return {
      location: page.id,
      suspendData: encodeState(this.state, this.shape),
      progress: this.progressPercent / 100,
      moduleSlug: page.moduleSlug,
      pageId: page.id,
    };
  }

  async loadModule(slug: string): Promise<Module> {
    const loaded = this.modules[slug];
    if (loaded) return loaded;
    const mod = (await moduleLoaders[slug]()).default;
    this.modules[slug] = mod;
    return mod;
  }

  async goTo(index: number): Promise<void> {
    const page = this.pages[Math.max(0, Math.min(index, this.pages.length - 1))];
    await this.loadModule(page.moduleSlug);
    this.state.bookmark = page.index;
    this.state.visited[page.index] = true;
    this.view = { kind: 'page', index: page.index };
    this.tracker.visitPage(this.snapshot());
    // Fetch the next module early, so a poor ward network does not stall the next page.
    const next = this.pages[page.index + 1];
    if (next && next.moduleSlug !== page.moduleSlug) void this.loadModule(next.moduleSlug).catch(() => undefined);
  }

  goHome(): void {
    this.view = { kind: 'home' };
  }

  async openCoursePage(id: string): Promise<void> {
    if (!this.coursePages) this.coursePages = (await loadCoursePages()).default;
    this.view = { kind: 'coursePage', id };
  }

  itemsOf(slug: string): QuizItem[] {
    return this.modules[slug]?.items ?? [];
  }

  /** Scores a submitted answer, records it, and commits once. */
  submitAnswer(item: ScoredItem, response: Response, moduleSlug: string, latencyMs: number) {
    const result = scoreItem(item, response);
    const previous = this.state.answers[item.id];
    this.state.answers[item.id] = { response, correct: result.correct, tries: (previous?.tries ?? 0) + 1 };
    const scored = this.itemsOf(moduleSlug).filter((i): i is ScoredItem => i.type !== 'reflection' && i.type !== 'survey');
    const answered = scored.filter((i) => this.state.answers[i.id]);
    const right = answered.filter((i) => this.state.answers[i.id].correct).length;
    const scorePercent = scored.length ? Math.round((right / scored.length) * 100) : 0;
    const status = answered.length < scored.length ? 'incomplete' : scorePercent >= this.outline.masteryScore ? 'passed' : 'failed';
    this.tracker.answer({ item, response, correct: result.correct, latencyMs, moduleSlug, objective: { id: moduleSlug, scorePercent, status } }, this.snapshot());
    return result;
  }

  /** Reflection text stays in the journal; the tracker only learns that the learner responded. */
  reflect(item: QuizItem, text: string, moduleSlug: string): void {
    this.tracker.reflect({ item, text, moduleSlug }, this.snapshot());
  }

  private listenForLeaving(): void {
    // pagehide and visibilitychange, not only beforeunload: mobile browsers skip beforeunload.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && !this.finished) this.tracker.save(this.snapshot());
    });
    window.addEventListener('pagehide', () => this.finish());
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.state.elapsedSeconds += Math.round((Date.now() - this.startedAt) / 1000);
    this.tracker.finish(this.state.completed ? 'normal' : 'suspend', this.snapshot());
  }
}
