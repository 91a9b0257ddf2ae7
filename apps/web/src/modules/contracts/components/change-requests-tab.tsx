import {
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ChangeRequestStatus, ContractStatus } from '@paydesk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCurrentUser } from '../../identity/index.ts';
import type { ChangeRequest } from '../api/contracts-types.ts';
import {
  useChangeRequests,
  useDecideChangeRequest,
  useRaiseChangeRequest,
  useWithdrawChangeRequest,
} from '../hooks/use-contracts.ts';
import { canDecideChangeRequests, canManageContracts, canRaiseChangeRequests } from '../permissions.ts';
import { useContractFormat } from './use-contract-format.ts';

const statusColors: Record<ChangeRequestStatus, string> = {
  requested: 'blue',
  approved: 'green',
  rejected: 'red',
  implemented: 'teal',
  withdrawn: 'gray',
};
/** Changes are asked for on a contract in force, never on a draft or an ended one. */
const inForce: readonly ContractStatus[] = ['active', 'amended', 'renewed'];

type Decision = 'approve' | 'reject';

/** Change requests of a contract: anyone who reads it may ask; account managers decide, never on their own. */
export function ChangeRequestsTab({ contractId, status }: { contractId: string; status: ContractStatus }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { formatMoment } = useContractFormat();
  const requests = useChangeRequests(contractId);
  const withdraw = useWithdrawChangeRequest(contractId);
  const [deciding, setDeciding] = useState<{ request: ChangeRequest; decision: Decision } | null>(null);
  const canDecide = canDecideChangeRequests(me.role);
  const canWithdraw = (request: ChangeRequest) =>
    (request.status === 'requested' || request.status === 'approved') &&
    (request.requestedBy.id === me.id || canManageContracts(me.role));

  return (
    <Stack gap="lg">
      {canRaiseChangeRequests(me.role) && inForce.includes(status) ? (
        <RaiseForm contractId={contractId} />
      ) : null}
      <ProblemAlert error={withdraw.error} testId="change-request-withdraw-error" />
      {requests.isPending ? (
        <Center py="lg">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : requests.isError ? (
        <ProblemAlert error={requests.error} testId="change-requests-error" />
      ) : requests.data.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="change-requests-empty">
          {t('contracts.changeRequests.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" data-testid="change-requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.changeRequests.title')}</Table.Th>
                <Table.Th miw={140}>{t('contracts.fields.status')}</Table.Th>
                <Table.Th>{t('contracts.changeRequests.requestedBy')}</Table.Th>
                <Table.Th>{t('contracts.changeRequests.decision')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data.map((request) => (
                <Table.Tr key={request.id} data-testid="change-request-row" data-title={request.title}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {request.title}
                    </Text>
                    {request.description ? (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {request.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={statusColors[request.status]}
                      data-testid="change-request-status"
                    >
                      {t(`contracts.changeRequests.statuses.${request.status}`)}
                    </Badge>
                    {request.implementedVersion ? (
                      <Text size="xs" c="dimmed">
                        {t('contracts.changeRequests.implementedIn', { version: request.implementedVersion })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request.requestedBy.displayName}</Text>
                    <Text size="xs" c="dimmed">
                      {formatMoment(request.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {request.decidedBy ? (
                      <>
                        <Text size="sm">{request.decidedBy.displayName}</Text>
                        {request.decisionNote ? (
                          <Text size="xs" c="dimmed">
                            {request.decisionNote}
                          </Text>
                        ) : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {canDecide && request.status === 'requested' ? (
                        <>
                          {request.requestedBy.id === me.id ? null : (
                            <Button
                              size="xs"
                              variant="light"
                              color="green"
                              onClick={() => setDeciding({ request, decision: 'approve' })}
                              data-testid="change-request-approve"
                            >
                              {t('contracts.changeRequests.approve')}
                            </Button>
                          )}
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            onClick={() => setDeciding({ request, decision: 'reject' })}
                            data-testid="change-request-reject"
                          >
                            {t('contracts.changeRequests.reject')}
                          </Button>
                        </>
                      ) : null}
                      {canWithdraw(request) ? (
                        <Button
                          size="xs"
                          variant="default"
                          loading={withdraw.isPending && withdraw.variables === request.id}
                          onClick={() => withdraw.mutate(request.id)}
                          data-testid="change-request-withdraw"
                        >
                          {t('contracts.changeRequests.withdraw')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deciding ? (
        <DecisionModal contractId={contractId} {...deciding} onClose={() => setDeciding(null)} />
      ) : null}
    </Stack>
  );
}

function RaiseForm({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const raise = useRaiseChangeRequest(contractId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [isMissing, setIsMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '') {
      setIsMissing(true);
      return;
    }
    raise.mutate(
      { title: title.trim(), description: description.trim() },
      {
        onSuccess: () => {
          setTitle('');
          setDescription('');
        },
      },
    );
  }

  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate data-testid="change-request-form">
        <Stack gap="sm">
          <Title order={5}>{t('contracts.changeRequests.raise')}</Title>
          <TextInput
            label={t('contracts.changeRequests.title')}
            required
            maxLength={200}
            value={title}
            onChange={(event) => {
              setIsMissing(false);
              setTitle(event.currentTarget.value);
            }}
            error={isMissing ? t('common.required') : undefined}
            data-testid="change-request-title"
          />
          <Textarea
            label={t('contracts.changeRequests.description')}
            maxLength={10_000}
            autosize
            minRows={2}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            data-testid="change-request-description"
          />
          <ProblemAlert error={raise.error} testId="change-request-error" />
          <Group justify="flex-end">
            <Button type="submit" loading={raise.isPending} data-testid="change-request-submit">
              {t('contracts.changeRequests.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function DecisionModal(props: {
  contractId: string;
  request: ChangeRequest;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideChangeRequest(props.contractId);
  const [note, setNote] = useState('');
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(`contracts.changeRequests.${props.decision}Title`)}
      centered
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {props.request.title}
        </Text>
        <Textarea
          label={t('contracts.changeRequests.note')}
          maxLength={2000}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="change-request-note"
        />
        <ProblemAlert error={decide.error} testId="change-request-decision-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.decision === 'approve' ? 'green' : 'red'}
            loading={decide.isPending}
            onClick={() =>
              decide.mutate(
                { changeRequestId: props.request.id, decision: props.decision, note: note.trim() },
                { onSuccess: props.onClose },
              )
            }
            data-testid="change-request-decide"
          >
            {t(`contracts.changeRequests.${props.decision}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
