// The /embed/stat page's script: hydrates that view only (each embed page loads just its own view's code).
import Root from '../../lib/roots/Stat.svelte';
import { start } from '../client.js';

start(Root);
