// The component that shows each interactive type (the types and their data: src/content/interactive-types.ts).
import type { Component } from 'svelte';
import type { InteractiveData } from '../content/types';
import type { Translate } from '../content/ui-format';
import Timeline from './Timeline.svelte';
import Cards from './Cards.svelte';
import SessionWalk from './SessionWalk.svelte';
import Sorter from './Sorter.svelte';
import Comparison from './Comparison.svelte';

type Props<T extends InteractiveData['type']> = { data: Extract<InteractiveData, { type: T }>; id: string; t: Translate };

export const INTERACTIVE_COMPONENTS: { [T in InteractiveData['type']]: Component<Props<T>> } = {
  timeline: Timeline,
  cards: Cards,
  session: SessionWalk,
  sorter: Sorter,
  comparison: Comparison,
};
