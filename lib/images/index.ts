import "server-only";

export { decodeImageInput } from "@/lib/images/decode-input";
export { inspectImage, type ImageFormat, type ImageInfo } from "@/lib/images/inspect-image";
export { makeThumbnail, THUMB_MAX_SIDE } from "@/lib/images/thumbnail";
export { sha256Hex } from "@/lib/images/hash";
export { invertMask } from "@/lib/images/invert-mask";
export {
  checkInputImage,
  checkMask,
  type InputCheck,
  type InputImageInfo,
  type InputProblem,
  type InputProblemCode,
  type MaskCheckOptions,
} from "@/lib/images/input-rules";
