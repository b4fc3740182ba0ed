import { config } from 'zod';

// Zod compiles object parsers with `new Function` when it may, deciding when each schema is built.
// The CSP forbids eval, so this must run before any schema module is evaluated: main.tsx imports it first.
config({ jitless: true });
