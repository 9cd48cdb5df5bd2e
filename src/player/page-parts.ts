// The components a module page may hold: the quiz, the interactive parts and the closing screens
// (assessment, evaluation, attestation, certificate). They sit in their own chunk, loaded with a
// module's content (session.loadModule), so the title page, the first thing a learner on a slow
// network waits for, never waits for them.
import './late-strings';
import Quiz from '../quiz-ui/Quiz.svelte';
import Interactive from '../interactive/Interactive.svelte';
import Directive from '../close/Directive.svelte';

export { Quiz, Interactive, Directive };
