// Entry of the gallery's script (dist/public/embed-assets/gallery.js, + gallery.css): the copy buttons
// (./copy.ts). External files, so the page keeps a strict CSP.
import './gallery.css';
import { wireCopyButtons } from './copy.js';

wireCopyButtons(document);
