export {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobOptions,
  type Logger,
} from './job-definition.ts';
export { createJobs, type EnqueueOptions, type Jobs, type JobsDeps } from './jobs.ts';
