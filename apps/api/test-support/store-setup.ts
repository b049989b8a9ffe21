// Every Node test of the app reads the store from the built file, as src/node.ts does.
import { provideStoreFromDisk } from '../src/store-node.js';

provideStoreFromDisk();
