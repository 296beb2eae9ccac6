/**
 * The gateway's model catalog as the playground reads it (contract §7). Browser-safe and pure:
 * the upstream client fetches, these functions only parse.
 */
export { parseModelList, parseModelDetail } from "@/lib/models/catalog/parse-catalog";
export type {
  CatalogModel,
  CatalogParam,
  CatalogParamKind,
  CatalogValue,
  CatalogStatus,
  CatalogImagePrice,
  CatalogListEntry,
  ParsedModelDetail,
} from "@/lib/models/catalog/catalog-model";
export type {
  WireModelList,
  WireModelSummary,
  WireModelDetail,
  WireParameter,
  WireParameterType,
  WirePricingRow,
  WirePricingUnit,
  WireModality,
  WireStatus,
} from "@/lib/models/catalog/catalog-wire";
