// Baseline: bare node:http sending the same response as the API (same-response.mjs), with no work at
// all behind it.
import { listenSameResponse } from './same-response.mjs';

const server = await listenSameResponse(process.argv[2], process.argv[3]);
console.log(`listening ${server.address().port}`);
