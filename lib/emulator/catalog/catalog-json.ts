import { CHAT_MODEL, ENGINE_IMAGE_MODELS } from "@/lib/emulator/catalog/models";
import { firstModelDetail } from "@/lib/emulator/catalog/nova-entry";
import type { WireModelDetail, WireModelList, WireModelSummary } from "@/lib/models/catalog";

/**
 * The JSON of GET /v1/models and GET /v1/models/{id} (catalog-wire.ts), with any model a
 * `retire` fault names shown as retired on the fault's date. Pure: the routes and the client's
 * parser tests both build their JSON here, so the two cannot drift apart.
 */
export interface Retirement {
  model: string;
  /** YYYY-MM-DD */
  on: string;
}

/** Every model the engine lists, in list order: the image models first, then the chat model. */
function allDetails(): WireModelDetail[] {
  return [firstModelDetail(), ...ENGINE_IMAGE_MODELS.map((m) => m.detail), CHAT_MODEL];
}

function withRetirement(detail: WireModelDetail, retired: readonly Retirement[]): WireModelDetail {
  const retirement = retired.find((r) => r.model === detail.id);
  return retirement ? { ...detail, status: "retired", retirement_date: retirement.on } : detail;
}

function summaryOf(d: WireModelDetail): WireModelSummary {
  const { id, object, display_name, owned_by, description, input_modalities, output_modalities, status } = d;
  return { id, object, display_name, owned_by, description, input_modalities, output_modalities, status };
}

export function buildModelList(retired: readonly Retirement[] = []): WireModelList {
  return { object: "list", data: allDetails().map((d) => summaryOf(withRetirement(d, retired))) };
}

export function buildModelDetail(id: string, retired: readonly Retirement[] = []): WireModelDetail | undefined {
  const detail = allDetails().find((d) => d.id === id);
  return detail && withRetirement(detail, retired);
}

/** The ids of every model the engine knows, image or not. */
export function catalogIds(): string[] {
  return allDetails().map((d) => d.id);
}
