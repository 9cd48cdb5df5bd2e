// The learner's session: where they are, what they have done, and the calls to the tracker.
// Components read it and call its methods; it is the only place that talks to the Tracker.
import { isScored, type CourseOutline, type CoursePage, type Module, type ScoredItem, type QuizItem, type SurveyItem } from '../content/types';
import type { LaunchData, Snapshot, Tracker } from '../events/tracker';
import type { Response } from '../quiz/response';
import { moduleLoaders, loadCoursePages } from 'virtual:module-loaders';
import { flattenPages, type FlatPage } from './pages';
import { courseShapeOf, type CourseShape } from '../learner/course-shape';
import { decodeState, encodeState } from '../learner/state-codec';
import { emptyState, type LearnerState } from '../learner/learner-state';
import { scoreItem } from '../quiz/score';
import { canRetake, drawAssessment, isPassed, randomSeed, scorePercent } from '../quiz/assessment';
import { isComplete } from '../quiz/response';
import { certificateId, dateOfDay, dayNumber, displayName } from '../learner/certificate';
import { evaluationCommentsKey, learnerNameKey } from '../learner/storage-keys';

export type View = { kind: 'home' } | { kind: 'page'; index: number } | { kind: 'coursePage'; id: string } | { kind: 'journal' };

type PageParts = typeof import('./page-parts');
let pageParts: PageParts | null = null;
/** Loads the page components' chunk once; a module page renders only after it is here. */
async function loadPageParts(): Promise<PageParts> {
  pageParts ??= await import('./page-parts');
  return pageParts;
}
/** The page components, for a page whose module has loaded (so they are here too). */
export function loadedPageParts(): PageParts {
  if (!pageParts) throw new Error('page parts used before a module loaded');
  return pageParts;
}

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
    this.state = decoded?.ok ? decoded.state : emptyState(this.shape, randomSeed());
    // The LMS's bookmark is authoritative for where the learner was.
    const bookmarked = this.pages.find((p) => p.id === launch.location);
    if (bookmarked) {
      this.state.bookmark = bookmarked.index;
      this.state.visited[bookmarked.index] = true;
    }
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
    const [content] = await Promise.all([moduleLoaders[slug](), loadPageParts()]);
    const mod = content.default;
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

  /** The reflection journal page (its component loads on demand). */
  openJournal(): void {
    this.view = { kind: 'journal' };
  }

  itemsOf(slug: string): QuizItem[] {
    return this.modules[slug]?.items ?? [];
  }

  /** Scores a submitted answer, records it, and commits once. */
  submitAnswer(item: ScoredItem, response: Response, moduleSlug: string, latencyMs: number) {
    const result = scoreItem(item, response);
    const previous = this.state.answers[item.id];
    this.state.answers[item.id] = { response, correct: result.correct, tries: (previous?.tries ?? 0) + 1 };
    const scored = this.itemsOf(moduleSlug).filter(isScored);
    const answered = scored.filter((i) => this.state.answers[i.id]);
    const right = answered.filter((i) => this.state.answers[i.id].correct).length;
    const scorePercent = scored.length ? Math.round((right / scored.length) * 100) : 0;
    const status = answered.length < scored.length ? 'incomplete' : scorePercent >= this.outline.masteryScore ? 'passed' : 'failed';
    this.tracker.answer([{ item, kind: 'check', response, correct: result.correct, latencyMs, moduleSlug, objective: { id: moduleSlug, scorePercent, status } }], this.snapshot());
    return result;
  }

  // ---- The final assessment ----

  get masteryScore(): number {
    return this.launch.masteryScore ?? this.outline.masteryScore;
  }

  get canRetake(): boolean {
    return canRetake(this.state.assessment.attempt, this.outline.attemptsAllowed);
  }

  get retakesLeft(): number {
    return Math.max(0, this.outline.attemptsAllowed - this.state.assessment.attempt);
  }

  /** The attempt's items, in this attempt's shuffled order. */
  assessmentItems(slug: string): ScoredItem[] {
    const scored = this.itemsOf(slug).filter(isScored);
    const order = drawAssessment(scored, this.state.assessment.seed);
    return order.map((id) => scored.find((i) => i.id === id)!).filter(Boolean);
  }

  assessmentAnswered(item: ScoredItem): boolean {
    const r = this.state.assessment.responses[item.id];
    return r !== undefined && isComplete(item, r);
  }

  /** A draft answer lives in the state and is saved with the next commit, not on every click. */
  draftAssessmentAnswer(item: ScoredItem, response: Response | null): void {
    if (response) this.state.assessment.responses[item.id] = response;
    else delete this.state.assessment.responses[item.id];
  }

  assessmentResult(slug: string): { score: number; passed: boolean } | null {
    const a = this.state.assessment;
    if (!a.submitted || a.lastScore === null) return null;
    void slug;
    return { score: a.lastScore, passed: isPassed(a.lastScore, this.masteryScore) };
  }

  submitAssessment(slug: string): void {
    const items = this.assessmentItems(slug);
    const results = items.map((item) => ({ item, response: this.state.assessment.responses[item.id], correct: scoreItem(item, this.state.assessment.responses[item.id]).correct }));
    const score = scorePercent(results.map((r) => r.correct));
    const passed = isPassed(score, this.masteryScore);
    const a = this.state.assessment;
    a.submitted = true;
    a.lastScore = score;
    this.state.score = Math.max(score, this.state.score ?? 0);
    this.state.passed = passed || this.state.passed === true;
    this.state.completed = this.state.passed === true || !this.canRetake;
    if (passed && this.state.completedOn === null) this.state.completedOn = dayNumber(new Date());
    const objective = { id: slug, scorePercent: score, status: passed ? 'passed' : 'failed' } as const;
    this.tracker.answer(results.map((r) => ({ item: r.item, kind: 'assessment', response: r.response, correct: r.correct, latencyMs: 0, moduleSlug: slug, objective })), this.snapshot());
    this.tracker.setResult({ scorePercent: this.state.score, passed: this.state.passed === true, completed: true, final: this.state.completed }, this.snapshot());
  }

  retakeAssessment(): void {
    if (!this.canRetake || this.launch.mode !== 'normal') return;
    const a = this.state.assessment;
    a.attempt += 1;
    a.seed = randomSeed();
    a.submitted = false;
    a.responses = {};
    a.lastScore = null;
    this.tracker.save(this.snapshot());
  }

  // ---- Evaluation, attestation, certificate ----

  private commentsKey(): string {
    return evaluationCommentsKey(this.outline.id);
  }

  /** Free comments are too long for suspend_data: they stay in this browser (and go to the LMS as survey interactions). */
  surveyComments(): Record<string, string> {
    try {
      return JSON.parse(localStorage.getItem(this.commentsKey()) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  }

  submitSurvey(items: SurveyItem[], answers: Record<string, string>): void {
    const comments: Record<string, string> = {};
    for (const item of items) {
      const answer = (answers[item.id] ?? '').trim();
      if (!answer) continue;
      if (item.scale) this.state.survey[item.id] = answer;
      else comments[item.id] = answer;
    }
    try {
      localStorage.setItem(this.commentsKey(), JSON.stringify(comments));
    } catch {
      // the comment still goes to the LMS below
    }
    const slug = this.pages[this.state.bookmark]?.moduleSlug ?? '';
    const events = items.filter((i) => (answers[i.id] ?? '').trim()).map((item) => ({ item, answer: answers[item.id].trim(), moduleSlug: slug }));
    this.tracker.survey(events, this.snapshot());
  }

  /** Minutes spent so far across sittings, rounded up. */
  measuredMinutes(): number {
    const seconds = this.state.elapsedSeconds + (Date.now() - this.startedAt) / 1000;
    return Math.max(1, Math.ceil(seconds / 60));
  }

  attest(minutes: number): void {
    this.state.attestedMinutes = minutes;
    this.tracker.save(this.snapshot());
  }

  private typedName = $state<string | null>(null);

  learnerName(): string | null {
    if (this.launch.learner.name) return displayName(this.launch.learner.name);
    if (this.typedName !== null) return this.typedName;
    try {
      return localStorage.getItem(learnerNameKey(this.outline.id));
    } catch {
      return null;
    }
  }

  setLearnerName(name: string): void {
    this.typedName = name;
    try {
      localStorage.setItem(learnerNameKey(this.outline.id), name);
    } catch {
      // shown for this sitting only
    }
  }

  /** The certificate's facts after a pass. Credit hours come from the learner's attested time only
   *  (null until they confirm it), capped at the course's credit. */
  certificate(): { id: string; date: string; score: number; hours: number | null } | null {
    if (this.state.passed !== true || this.state.score === null) return null;
    const day = this.state.completedOn ?? dayNumber(new Date());
    const a = this.state.assessment;
    return {
      id: certificateId({ courseId: this.outline.id, version: this.outline.version, learner: this.launch.learner.id ?? '', attempt: a.attempt, seed: a.seed, completedOn: day }),
      date: dateOfDay(day).toLocaleDateString(this.outline.lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      score: this.state.score,
      hours: this.state.attestedMinutes === null ? null : Math.min(this.outline.cme.creditHours, Math.round((this.state.attestedMinutes / 60) * 4) / 4),
    };
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
