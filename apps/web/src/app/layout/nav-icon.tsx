import {
  IconBook2,
  IconBuildingBank,
  IconChartBar,
  IconClockHour4,
  IconCreditCard,
  IconFileCertificate,
  IconLayoutDashboard,
  IconLifebuoy,
  IconSearch,
  IconSettings,
  type Icon,
} from '@tabler/icons-react';
import type { NavKey } from '../navigation.ts';

const icons: Record<NavKey, Icon> = {
  dashboard: IconLayoutDashboard,
  cases: IconLifebuoy,
  search: IconSearch,
  accounts: IconBuildingBank,
  contracts: IconFileCertificate,
  sla: IconClockHour4,
  payments: IconCreditCard,
  knowledge: IconBook2,
  insight: IconChartBar,
  admin: IconSettings,
};

export function NavIcon({ navKey, size = 18 }: { navKey: NavKey; size?: number }) {
  const Component = icons[navKey];
  return <Component size={size} stroke={1.6} aria-hidden />;
}
