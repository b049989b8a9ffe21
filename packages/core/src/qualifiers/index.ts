// The qualifier policy: ONE place that turns a source's words ("nearly", "roughly a third", "more than")
// into the interval every derived number carries (policy.ts), and the zod schema of a qualifier
// (schema.ts). Import ./policy.js directly where zod must stay out of a bundle.
export * from './policy.js';
export * from './schema.js';
