import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createAgreement,
  createVendor,
  fetchAgreements,
  fetchServiceCatalogue,
  fetchTeams,
  fetchVendors,
  replaceAgreement,
  withdrawAgreement,
} from '../api/agreements-api.ts';
import { agreementsKeys } from '../api/agreements-keys.ts';
import type { AgreementFilter, AgreementInput, VendorInput } from '../api/agreements-types.ts';

export function useAgreements(filter: AgreementFilter = {}) {
  return useQuery({
    queryKey: agreementsKeys.list(filter),
    queryFn: ({ signal }) => fetchAgreements(filter, signal),
  });
}

export function useVendors() {
  return useQuery({ queryKey: agreementsKeys.vendors(), queryFn: ({ signal }) => fetchVendors(signal) });
}

export function useTeams() {
  return useQuery({ queryKey: agreementsKeys.teams(), queryFn: ({ signal }) => fetchTeams(signal) });
}

export function useServiceCatalogue() {
  return useQuery({
    queryKey: agreementsKeys.services(),
    queryFn: ({ signal }) => fetchServiceCatalogue(signal),
  });
}

/** Creates an agreement, or replaces one when given its id and the version being edited. */
export function useSaveAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: number; input: AgreementInput }) =>
      id !== undefined && version !== undefined
        ? replaceAgreement(id, version, input)
        : createAgreement(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKeys.lists() }),
  });
}

export function useWithdrawAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => withdrawAgreement(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKeys.lists() }),
  });
}

export function useCreateVendor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VendorInput) => createVendor(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementsKeys.vendors() }),
  });
}
