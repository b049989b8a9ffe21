import { z } from 'zod';
import { QUALIFIERS } from './policy.js';

export const qualifierSchema = z
  .enum(QUALIFIERS)
  .describe('How the source qualifies the number; it fixes the interval through the qualifier policy.');
