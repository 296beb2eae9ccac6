"use client";
/** The prompt history's queries and changes (GET /api/prompts, pin, delete, import), for the palette and /prompts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { promptApi } from "@/lib/queries/prompt-api";
import { queryKeys } from "@/lib/queries/query-keys";

export interface PromptListQuery {
  q: string;
  kind?: "prompt" | "negative";
  limit: number;
}

/**
 * One search of the history. Read again whenever a view opens (a run since then has changed it);
 * while the next search loads, the last one stays on screen.
 */
export function usePromptList(query: PromptListQuery) {
  const params = new URLSearchParams({ q: query.q, kind: query.kind ?? "", limit: String(query.limit) }).toString();
  return useQuery({
    queryKey: queryKeys.prompts.list(params),
    queryFn: () => promptApi.list(query),
    placeholderData: keepPreviousData,
    refetchOnMount: "always",
  });
}

/** Any change to the history: every cached search is read again afterwards. */
function usePromptMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: queryKeys.prompts.all }) });
}

export const usePinPrompt = () => usePromptMutation(({ id, pinned }: { id: string; pinned: boolean }) => promptApi.pin(id, pinned));
export const useDeletePrompt = () => usePromptMutation(promptApi.remove);
export const useImportPrompts = () => usePromptMutation(promptApi.import);
