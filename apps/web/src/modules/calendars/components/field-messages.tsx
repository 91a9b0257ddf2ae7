import { Text } from '@mantine/core';

/** Problems with one field of the editor, right under it. */
export function FieldMessages({ messages, testId }: { messages: string[]; testId: string }) {
  if (messages.length === 0) return null;
  return (
    <>
      {messages.map((message) => (
        <Text key={message} size="xs" c="red" role="alert" data-testid={testId}>
          {message}
        </Text>
      ))}
    </>
  );
}
