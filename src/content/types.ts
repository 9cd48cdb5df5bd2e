// The content model: what the build produces from course/ and modules/ for one language,
// and what the player reads. Source files carry text per language (`Localised`); the build
// resolves one language, renders Markdown to HTML and hands the player these types.

export type Lang = 'en' | 'it';
export const LANGS: readonly Lang[] = ['en', 'it'];
/** Each language's name in English, for messages to authors and reports. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', it: 'Italian' };

/** Text per language, as written in the source JSON files. */
export type Localised = Record<Lang, string>;

/** The texts of a counted interface string in one language, one per plural form the language
 *  uses (`Intl.PluralRules` categories: "one", "other", …), e.g. { one: "{left} attempt", other: "{left} attempts" }. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>;

/** An interface string as course/ui.json gives it: text per language, or, for a string that shows
 *  a number of things, plural forms per language and `count`, the placeholder that holds the number. */
export type UiStringSource = Localised | ({ count: string } & Record<Lang, PluralForms>);

/** An interface string resolved for one language, as the player receives it. */
export type UiString = string | { count: string; forms: PluralForms };

export interface ThemeColours {
  text: string;
  background: string;
  accent: string;
  accentText: string;
  /** An optional logo shown beside the course title: a file under the content root, with alt text. */
  logo?: { file: string; alt: Localised };
}

export interface CourseSource {
  id: string;
  iri: string;
  version: string;
  languages: Lang[];
  title: Localised;
  description: Localised;
  modules: string[];
  masteryScore: number;
  attemptsAllowed: number;
  estimatedMinutes: number;
  cme: {
    creditHours: number;
    creditType: Localised;
    statement: Localised;
    releaseDate: string;
    reviewDate: string;
    expiryDate: string;
    provider: Localised;
  };
  xapi: {
    endpoint: string | null;
    auth?: string;
    accountHomePage: string;
    sendReflectionText: boolean;
  };
  privacy: { sendReflectionsToLms: boolean };
  theme: ThemeColours;
}

// ---- Quiz items, resolved to one language ----

export interface ChoiceOption {
  id: string;
  text: string;
  correct: boolean;
  feedback: string;
}

interface ItemBase {
  id: string;
  /** Section id that teaches this item (module-local, or `slug/section` in the assessment). */
  teaches: string;
  prompt: string;
}

export interface SingleItem extends ItemBase { type: 'single'; options: ChoiceOption[] }
export interface MultipleItem extends ItemBase { type: 'multiple'; options: ChoiceOption[] }
export interface TrueFalseItem extends ItemBase {
  type: 'truefalse';
  labels: { true: string; false: string };
  answer: boolean;
  feedback: { true: string; false: string };
}
export interface SortItem extends ItemBase {
  type: 'sort';
  categories: { id: string; text: string }[];
  statements: { id: string; text: string; category: string; feedback: string }[];
}
export interface MatchItem extends ItemBase {
  type: 'match';
  targets: { id: string; text: string }[];
  sources: { id: string; text: string; target: string; feedback: string }[];
}
export interface ReflectionItem extends ItemBase { type: 'reflection'; hint: string }
/** Course evaluation: unscored survey questions (a rating scale or a free comment). */
export interface SurveyItem extends ItemBase {
  type: 'survey';
  scale: { id: string; text: string }[] | null;
}

export type ScoredItem = SingleItem | MultipleItem | TrueFalseItem | SortItem | MatchItem;
export type QuizItem = ScoredItem | ReflectionItem | SurveyItem;

/** Whether items of a type are scored: everything but reflections and the evaluation's survey. */
export const isScoredType = (type: QuizItem['type']): boolean => type !== 'reflection' && type !== 'survey';

export function isScored(item: QuizItem): item is ScoredItem {
  return isScoredType(item.type);
}

// ---- Interactive components, resolved to one language ----

export interface TimelineData { type: 'timeline'; title: string; events: { id: string; year: string; title: string; text: string }[] }
export interface CardsData {
  type: 'cards';
  title: string;
  verdictLabels?: Record<string, string>;
  cards: { id: string; front: string; back: string; verdict?: string }[];
}
export interface SessionData { type: 'session'; title: string; steps: { id: string; title: string; text: string; speaker?: string }[] }
export interface SorterData {
  type: 'sorter';
  title: string;
  categories: { id: string; text: string }[];
  statements: { id: string; text: string; category: string; explanation: string }[];
}
export interface ComparisonData {
  type: 'comparison';
  title: string;
  columns: { id: string; text: string }[];
  rows: { id: string; aspect: string; cells: Record<string, string> }[];
}
export type InteractiveData = TimelineData | CardsData | SessionData | SorterData | ComparisonData;

// ---- Pages and modules, resolved to one language ----

/** A piece of a page: pre-rendered HTML, an interactive component, or the module's quiz. */
export type Block =
  | { kind: 'html'; html: string }
  | { kind: 'interactive'; id: string; data: InteractiveData }
  | { kind: 'quiz'; itemIds: string[] }
  | { kind: 'directive'; name: 'assessment' | 'evaluation' | 'attestation' | 'certificate' | 'interactive' };

export interface Page {
  id: string;
  title: string;
  blocks: Block[];
  /** Section ids (level-two headings) on this page. */
  sections: string[];
}

export interface Module {
  slug: string;
  title: string;
  objectives: string[];
  pages: Page[];
  items: QuizItem[];
  wordCount: number;
}

export interface CoursePage { id: string; title: string; html: string }

/** Whether a module places the final assessment: its pages hold the assessment directive. */
export const placesAssessment = (m: Module): boolean => m.pages.some((p) => p.blocks.some((b) => b.kind === 'directive' && b.name === 'assessment'));

/** What the player knows of a module before its content chunk loads: enough for the menu,
 *  progress and the suspend_data codec (item ids, types and the ids of their choices). */
export interface ItemOutline {
  id: string;
  type: QuizItem['type'];
  /** Choice option ids, sort/match statement ids, or survey scale ids, in order. */
  choiceIds: string[];
  /** Sort categories or match targets, in order. */
  groupIds: string[];
}
export interface PageOutline { id: string; title: string; sections: string[] }
export interface ModuleOutline {
  slug: string;
  title: string;
  /** The module places the final assessment (its prose holds the assessment directive). */
  assessment: boolean;
  objectives: string[];
  pages: PageOutline[];
  items: ItemOutline[];
}

/** The course's facts in one language: what the first-page outline and the full content share. */
export interface CourseFacts {
  lang: Lang;
  id: string;
  iri: string;
  version: string;
  title: string;
  description: string;
  masteryScore: number;
  attemptsAllowed: number;
  estimatedMinutes: number;
  cme: { creditHours: number; creditType: string; statement: string; provider: string; releaseDate: string; reviewDate: string; expiryDate: string };
  privacy: { sendReflectionsToLms: boolean };
  xapi: { endpoint: string | null; auth?: string; accountHomePage: string; sendReflectionText: boolean };
}

/** The first-page data: course facts, the outline of every module and the interface strings.
 *  Module content (HTML, quiz items, interactive data) loads per module. */
export interface CourseOutline extends CourseFacts {
  modules: ModuleOutline[];
  coursePages: PageOutline[];
  /** The theme's logo as the package holds it, or null. */
  logo: { src: string; alt: string } | null;
  ui: Record<string, UiString>;
  /** What SCORM 2004 may set so that a whole attempt fits the post Moodle makes while the page
   *  unloads (src/scorm2004/unload-budget.ts): `textBytes`, the most bytes of UTF-8 of a
   *  free text (shared reflection, evaluation comment), null when none needs cutting; `brief`,
   *  interactions without question text and time. */
  scorm2004: { textBytes: number | null; brief: boolean };
}

/** Everything the player needs for one language. */
export interface CourseData extends CourseFacts {
  modules: Module[];
  /** Course-level pages (references, accessibility statement, privacy). */
  coursePages: CoursePage[];
  ui: Record<string, UiString>;
}
