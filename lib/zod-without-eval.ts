import { z } from "zod";

// Zod compiles object schemas with `new Function` where it may, after trying it once. The pages'
// Content-Security-Policy allows no eval, so that try would be reported as a violation on every
// page; zod's interpreter gives the same results.
z.config({ jitless: true });
