// Interface strings only module pages and the journal use (build/bundle/content-plugin.ts splits
// them off): importing this module adds them to the outline's strings, before any component that
// needs them renders, so every `t(key)` finds its text.
import outline from 'virtual:course-outline';
import late from 'virtual:late-strings';

Object.assign(outline.ui, late);
