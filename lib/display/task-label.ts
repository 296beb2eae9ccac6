import { isTaskType, TASK_LABELS } from "@/lib/models";

/** "Text to image" for TEXT_IMAGE; an unknown task type is shown as it is. */
export function taskLabel(taskType: string): string {
  return isTaskType(taskType) ? TASK_LABELS[taskType].label : taskType;
}
