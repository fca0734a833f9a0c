// `npm run eval:… | head` closes stdout before the report ends: stop there quietly (see the CLI's
// own use of the same rule in src/closed-pipe.ts).
import { stopQuietlyOnClosedPipe } from '../src/closed-pipe.js';

stopQuietlyOnClosedPipe([process.stdout]);
