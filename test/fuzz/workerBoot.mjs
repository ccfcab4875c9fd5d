// Worker threads do not inherit vitest's TypeScript transform: register tsx, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
