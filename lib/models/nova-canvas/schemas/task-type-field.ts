/** The discriminant of each task schema, with a message that says which value it expects. */
import { z } from "zod";
import type { TaskType } from "@/lib/models/task-types";
import { describeValue } from "@/lib/models/rules/describe-value";

export function taskTypeField<const T extends TaskType>(taskType: T) {
  return z.literal(taskType, {
    error: (iss: { input?: unknown }) => `task_type must be "${taskType}" (got ${describeValue(iss.input)})`,
  });
}
