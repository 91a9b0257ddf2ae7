import { Alert, Anchor, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseLinks } from '../hooks/use-case-work.ts';

/** On a case merged away: it is closed as a duplicate, and the work goes on in the surviving case. */
export function MergedNotice({ address }: { address: string }) {
  const { t } = useTranslation();
  const links = useCaseLinks(address);
  const survivor = links.data?.find((link) => link.kind === 'merged_into')?.case;
  if (!survivor) return null;
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconGitMerge size={18} />}
      title={t('cases.merged.title')}
      mb="md"
      data-testid="case-merged-notice"
    >
      <Text size="sm">
        {t('cases.merged.body')}{' '}
        <Anchor
          component={Link}
          to={`/cases/${survivor.reference}`}
          fw={600}
          data-testid="case-merged-into"
          data-case-reference={survivor.reference}
        >
          {t('cases.merged.open', { reference: survivor.reference, subject: survivor.subject })}
        </Anchor>
      </Text>
    </Alert>
  );
}
