import { List, Stack } from '@mantine/core';
import { isApiError } from '../../../app/http/api-error.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';

interface ProblemDetailsProps {
  error: unknown;
  /** The problems to list; by default every one the server named. */
  problems?: readonly { path: string; message: string }[];
  testId: string;
}

/**
 * A failed call in the person's language, then what the server named (`line 3: VEVENT without
 * DTSTART`): those details are the server's own words, but they say exactly where to look.
 */
export function ProblemDetails({ error, problems, testId }: ProblemDetailsProps) {
  if (!error) return null;
  const listed = problems ?? (isApiError(error) ? (error.problem?.errors ?? []) : []);
  return (
    <Stack gap={4}>
      <ProblemAlert error={error} testId={testId} />
      {listed.length > 0 ? (
        <List size="sm" c="red" data-testid={`${testId}-details`}>
          {listed.map((problem) => (
            <List.Item key={`${problem.path} ${problem.message}`}>
              {problem.path ? `${problem.path.replace(/^body\//, '')}: ` : ''}
              {problem.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
