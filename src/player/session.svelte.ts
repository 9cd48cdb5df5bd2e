// The learner's session: where they are, what they have done, and the calls to the tracker.
// Navigation and loading live here; the module quiz, the final assessment and the closing screens
// are parts of it (module-quiz.ts, final-assessment.ts, course-closing.svelte.ts). The session and
// its parts are the only places that talk to the Tracker.
import type { CourseOutline, CoursePage, Module, QuizItem } from '../content/types';
import type { LaunchData, Snapshot, SyncState, Tracker } from '../events/tracker';
import { moduleLoaders, loadCoursePages } from 'virtual:module-loaders';
import { flattenPages, type FlatPage } from './pages';
import { courseShapeOf, type CourseShape } from '../learner/course-shape';
import { decodeState, encodeState } from '../learner/state-codec';
import { emptyState, type LearnerState } from '../learner/learner-state';
import { randomSeed } from '../quiz/assessment';
import type { ClosingSession } from '../close/closing-session';
import type { LearnerRecord } from './learner-record';
import { ModuleQuiz } from './module-quiz';
import { FinalAssessment } from './final-assessment';
import { Certificate, CourseEvaluation, TimeAttestation } from './course-closing.svelte';
import { whenIdle } from '../time/when-idle';

export type View = { kind: 'home' } | { kind: 'page'; index: number } | { kind: 'coursePage'; id: string } | { kind: 'journal' };

type PageParts = typeof import('./page-parts');
let pageParts: PageParts | null = null;
/** Loads the page components' chunk once; a module page renders only after it is here. */
async function loadPageParts(): Promise<PageParts> {
  pageParts ??= await import('./page-parts');
  return pageParts;
}
const failedLoads = new Map<string, number>();
/** Loads a content chunk; after a failure (the network dropped) the next call asks again under a new
 *  URL, since the browser would repeat the failure for the old one. */
async function withRetry<T>(key: string, load: (retry?: number) => Promise<T>): Promise<T> {
  const failures = failedLoads.get(key) ?? 0;
  try {
    return await load(failures || undefined);
  } catch (e) {
    failedLoads.set(key, failures + 1);
    throw e;
  }
}
/** The page components, for a page whose module has loaded (so they are here too). */
export function loadedPageParts(): PageParts {
  if (!pageParts) throw new Error('page parts used before a module loaded');
  return pageParts;
}

export class CourseSession implements LearnerRecord {
  readonly pages: FlatPage[];
  readonly shape: CourseShape;
  view = $state<View>({ kind: 'home' });
  state = $state<LearnerState>() as LearnerState;
  modules = $state<Record<string, Module>>({});
  coursePages = $state<CoursePage[] | null>(null);
  notices = $state<string[]>([]);
  /** Whether what the learner did is stored where it is reported, and whether it ever was not. */
  sync = $state<SyncState>('saved');
  /** Saved again after being offline: said for a while, then quiet. */
  savedAgain = $state(false);
  private wasOffline = false;
  readonly quiz = new ModuleQuiz(this);
  readonly closing: ClosingSession;
  private finished = false;
  private readonly startedAt = Date.now();

  private constructor(readonly outline: CourseOutline, readonly tracker: Tracker, readonly launch: LaunchData) {
    this.pages = flattenPages(outline);
    this.shape = courseShapeOf(outline);
    this.notices = [...launch.notices];
    const decoded = launch.savedState ? decodeState(launch.savedState, this.shape) : null;
    if (decoded && !decoded.ok && decoded.reason !== 'empty') this.notices.push(`notice.state.${decoded.reason}`);
    this.state = decoded?.ok ? decoded.state : emptyState(this.shape, randomSeed());
    // The LMS's bookmark is authoritative for where the learner was.
    const bookmarked = this.pages.find((p) => p.id === launch.location);
    if (bookmarked) {
      this.state.bookmark = bookmarked.index;
      this.state.visited[bookmarked.index] = true;
    }
    this.closing = {
      assessment: new FinalAssessment(this),
      evaluation: new CourseEvaluation(this),
      attestation: new TimeAttestation(this),
      certificate: new Certificate(this, () => this.openJournal()),
    };
    tracker.onSync?.((s) => {
      this.sync = s;
      if (s === 'offline') this.wasOffline = true;
      if (s === 'saved' && this.wasOffline) {
        this.wasOffline = false;
        this.savedAgain = true;
        setTimeout(() => (this.savedAgain = false), 10_000);
      }
    });
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
    const [content] = await Promise.all([withRetry(`module:${slug}`, moduleLoaders[slug]), loadPageParts()]);
    const mod = content.default;
    this.modules[slug] = mod;
    return mod;
  }

  /** Opens a page. False when its module cannot be loaded (no network, and not loaded before): the
   *  learner stays where they are and is told. */
  async goTo(index: number): Promise<boolean> {
    const page = this.pages[Math.max(0, Math.min(index, this.pages.length - 1))];
    try {
      await this.loadModule(page.moduleSlug);
    } catch (e) {
      console.warn(`module ${page.moduleSlug} could not be loaded`, e);
      if (!this.notices.includes('notice.moduleUnavailable')) this.notices.push('notice.moduleUnavailable');
      return false;
    }
    this.notices = this.notices.filter((n) => n !== 'notice.moduleUnavailable');
    this.state.bookmark = page.index;
    this.state.visited[page.index] = true;
    this.view = { kind: 'page', index: page.index };
    this.tracker.visitPage(this.snapshot());
    // Fetch the next module early, so a poor ward network does not stall the next page; then,
    // when the browser is idle, the rest of the course, so a learner can read on through a dropout.
    const next = this.pages[page.index + 1];
    if (next && next.moduleSlug !== page.moduleSlug) void this.loadModule(next.moduleSlug).catch(() => undefined);
    this.preloadCourse();
    return true;
  }

  /** While the title page waits for the learner, page 1's module loads, so Start opens it at once. */
  prefetchFirstPage(): void {
    whenIdle(() => void this.loadModule(this.pages[0].moduleSlug).catch(() => undefined));
  }

  private preloaded = false;

  /** Once the browser is idle, loads every module and the course pages, one after another (about
   *  150 KB in all), so a learner can read on through a dropout. */
  private preloadCourse(): void {
    if (this.preloaded) return;
    this.preloaded = true;
    whenIdle(() => void this.loadRest(), 3000);
  }

  /** What could not be loaded (no network) is asked for again when the browser is back online. */
  private async loadRest(): Promise<void> {
    let missed = false;
    for (const m of this.outline.modules) await this.loadModule(m.slug).catch(() => (missed = true));
    await withRetry('course-pages', loadCoursePages).catch(() => (missed = true));
    if (missed && typeof addEventListener === 'function') addEventListener('online', () => void this.loadRest(), { once: true });
  }

  goHome(): void {
    this.view = { kind: 'home' };
  }

  async openCoursePage(id: string): Promise<void> {
    if (!this.coursePages) this.coursePages = (await withRetry('course-pages', loadCoursePages)).default;
    this.view = { kind: 'coursePage', id };
  }

  /** The reflection journal page (its component loads on demand). */
  openJournal(): void {
    this.view = { kind: 'journal' };
  }

  itemsOf(slug: string): QuizItem[] {
    return this.modules[slug]?.items ?? [];
  }

  private listenForLeaving(): void {
    // pagehide and visibilitychange, not only beforeunload: mobile browsers skip beforeunload.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && !this.finished) this.tracker.save(this.snapshot());
    });
    window.addEventListener('pagehide', () => this.finish());
  }

  /** The LMS gave a page to return to (cmi5 returnURL): end the session, then go there. */
  get canLeave(): boolean {
    return typeof this.tracker.leave === 'function';
  }

  /** Exit: the tracker ends the session in order (state, then `terminated`) and goes back to the
   *  LMS; the pagehide that follows finds the session finished and sends nothing more. */
  leave(): void {
    if (this.finished || !this.tracker.leave) return;
    this.tracker.leave(...this.closeSession());
  }

  /** The page is going: end the session with what can still be sent. */
  finish(): void {
    if (this.finished) return;
    this.tracker.finish(...this.closeSession());
  }

  private closeSession(): ['suspend' | 'normal', Snapshot] {
    this.finished = true;
    this.state.elapsedSeconds += Math.round((Date.now() - this.startedAt) / 1000);
    return [this.state.completed ? 'normal' : 'suspend', this.snapshot()];
  }
}
