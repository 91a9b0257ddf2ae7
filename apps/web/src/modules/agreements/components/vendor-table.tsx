import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Vendor } from '../api/agreements-types.ts';

interface VendorTableProps {
  vendors: Vendor[];
  /** Underpinning contracts per vendor id. */
  contractCounts: ReadonlyMap<string, number>;
}

export function VendorTable({ vendors, contractCounts }: VendorTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" data-testid="vendors-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('vendors.fields.name')}</Table.Th>
            <Table.Th>{t('vendors.fields.kind')}</Table.Th>
            <Table.Th>{t('vendors.fields.contact')}</Table.Th>
            <Table.Th>{t('vendors.fields.contracts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vendors.map((vendor) => (
            <Table.Tr key={vendor.id} data-testid="vendor-row" data-vendor-name={vendor.name}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {vendor.name}{' '}
                  {vendor.isActive ? null : (
                    <Badge variant="light" color="gray" size="sm">
                      {t('vendors.retired')}
                    </Badge>
                  )}
                </Text>
                {vendor.notes ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {vendor.notes}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`vendors.kinds.${vendor.kind}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{vendor.contactEmail ?? t('common.none')}</Text>
                {vendor.contactPhone ? (
                  <Text size="xs" c="dimmed">
                    {vendor.contactPhone}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="vendor-contract-count">
                  {contractCounts.get(vendor.id) ?? 0}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
