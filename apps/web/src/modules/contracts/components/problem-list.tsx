import { List, Stack } from '@mantine/core';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { PolicyFieldError } from '../../sla-policies/index.ts';

/**
 * A failed call in the person's language, then the problems no field shows, in the server's words
 * (they say exactly where to look).
 */
export function ProblemList({
  error,
  problems,
  testId,
}: {
  error: unknown;
  problems: readonly PolicyFieldError[];
  testId: string;
}) {
  if (!error) return null;
  return (
    <Stack gap={4}>
      <ProblemAlert error={error} testId={testId} />
      {problems.length > 0 ? (
        <List size="sm" c="red" data-testid={`${testId}-details`}>
          {problems.map((problem) => (
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
