// Entry point: mounts the player. Everything else starts in App.
import { mount } from 'svelte';
import App from './player/App.svelte';
import './player/theme.css';

const target = document.getElementById('app')!;
target.textContent = '';
mount(App, { target });
